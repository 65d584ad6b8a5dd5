import {
  Field,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  makeStyles,
  tokens,
  type TagPickerProps,
} from '@fluentui/react-components';
import { PeopleTeamRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { describeError } from '../../../components/error-state.tsx';
import { formatCount } from '../../../lib/format.ts';
import { useGroupSearch } from '../../../entities/groups/search-groups.ts';
import type { GroupMode } from '../lib/model.ts';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';

export interface GroupRef {
  id: string;
  displayName: string;
}

const NO_OPTION = '__no-option__';
export const SEARCH_DEBOUNCE_MS = 300;

const useStyles = makeStyles({
  control: { minWidth: '280px' },
  optionMedia: { color: tokens.colorNeutralForeground3, display: 'flex' },
  moveNote: { color: tokens.colorPaletteMarigoldForeground2 },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export interface GroupPickerProps {
  label: string;
  mode: GroupMode;
  /** Groups on this side. */
  value: GroupRef[];
  /** Groups on the other side: choosing one here moves it. */
  otherSide: GroupRef[];
  onAdd: (group: GroupRef) => void;
  onRemove: (groupId: string) => void;
  disabled?: boolean;
  /** Words shown under a tag (e.g. "new", "moved from excluded"). */
  tagNote?: (groupId: string) => string | undefined;
}

/**
 * A Fluent TagPicker over Entra groups: type to search (`$search` on
 * displayName, debounced; a new term aborts the previous request), Up/Down
 * and Enter to add, Backspace to reach and remove tags.
 */
export function GroupPicker({ label, mode, value, otherSide, onAdd, onRemove, disabled, tagNote }: GroupPickerProps) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const term = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const search = useGroupSearch(term);
  const otherLabel = mode === 'include' ? 'excluded' : 'included';

  const selectedIds = value.map((g) => g.id);
  const results = (search.data?.groups ?? []).filter((g) => !selectedIds.includes(g.id));
  const waiting = query.trim() !== '' && (query.trim() !== term || search.isFetching);

  const onOptionSelect: TagPickerProps['onOptionSelect'] = (_e, data) => {
    if (data.value === NO_OPTION) return;
    if (selectedIds.includes(data.value)) {
      onRemove(data.value);
      return;
    }
    const picked = search.data?.groups.find((g) => g.id === data.value);
    if (picked) onAdd({ id: picked.id, displayName: picked.displayName });
    setQuery('');
  };

  let status: string;
  if (query.trim() === '') status = 'Type part of a group name to search.';
  else if (waiting) status = 'Searching groups…';
  else if (search.isError) status = `Groups could not be searched: ${describeError(search.error).message}`;
  else if (results.length === 0) status = `No group matches “${term}”.`;
  else {
    const total = search.data?.total;
    status =
      total !== undefined && total > (search.data?.groups.length ?? 0)
        ? `${formatCount(results.length)} of ${formatCount(total)} matching groups shown; type more to narrow the search.`
        : `${formatCount(results.length)} matching ${results.length === 1 ? 'group' : 'groups'}.`;
  }

  return (
    <div>
    <Field
      label={label}
      hint={`Type to search groups, use Up and Down to pick one and Enter to add it. Backspace in the empty box selects the last group; Backspace again removes it. Choosing a group that is ${otherLabel} moves it here.`}
      validationState={search.isError ? 'error' : 'none'}
      validationMessage={search.isError ? status : undefined}
    >
      <TagPicker selectedOptions={selectedIds} onOptionSelect={onOptionSelect} disabled={disabled}>
        <TagPickerControl className={styles.control}>
          <TagPickerGroup aria-label={`${label}: chosen`}>
            {value.map((g) => {
              const note = tagNote?.(g.id);
              return (
                <Tag key={g.id} value={g.id} shape="rounded" media={<PeopleTeamRegular aria-hidden />} secondaryText={note}>
                  {g.displayName}
                </Tag>
              );
            })}
          </TagPickerGroup>
          <TagPickerInput
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </TagPickerControl>
        <TagPickerList>
          {results.length > 0 && !waiting ? (
            results.map((g) => {
              const moving = otherSide.some((o) => o.id === g.id);
              return (
                <TagPickerOption
                  key={g.id}
                  value={g.id}
                  text={g.displayName}
                  media={
                    <span className={styles.optionMedia}>
                      <PeopleTeamRegular aria-hidden />
                    </span>
                  }
                  secondaryContent={
                    moving ? (
                      <span className={styles.moveNote}>Now {otherLabel}: choosing it moves it here</span>
                    ) : (
                      (g.description ?? undefined)
                    )
                  }
                >
                  {g.displayName}
                </TagPickerOption>
              );
            })
          ) : (
            <TagPickerOption value={NO_OPTION} text={status}>
              {status}
            </TagPickerOption>
          )}
        </TagPickerList>
      </TagPicker>
    </Field>
      <span className={styles.srOnly} role="status" aria-live="polite">
        {query.trim() === '' ? '' : status}
      </span>
    </div>
  );
}
