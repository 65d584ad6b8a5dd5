import { IncludeExcludePicker, type Side, type Sides } from '../../../components/include-exclude-picker.tsx';
import { GroupPicker, type GroupRef } from './group-picker.tsx';

const LABELS: Record<Side, string> = { include: 'Included groups', exclude: 'Excluded groups' };

export interface GroupSidesPickerProps {
  value: Sides<GroupRef>;
  onChange: (next: Sides<GroupRef>) => void;
  /** Words shown under a tag (e.g. "New", "Moved from excluded"). */
  tagNote?: (side: Side) => (groupId: string) => string | undefined;
}

/** Included and excluded Entra groups: the shared include/exclude picker with a group search on each side. */
export function GroupSidesPicker({ value, onChange, tagNote }: GroupSidesPickerProps) {
  return (
    <IncludeExcludePicker
      value={value}
      onChange={onChange}
      labels={LABELS}
      renderSide={({ side, ...props }) => <GroupPicker {...props} mode={side} tagNote={tagNote?.(side)} />}
    />
  );
}
