import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { Sides } from '../../../components/include-exclude-picker.tsx';
import type { GroupRef } from '../components/group-picker.tsx';
import { BLOCKING_CONFLICTS, changeCount, diffAssignments, findConflicts } from '../lib/diff.ts';
import { draftFromModel, describeFilter, type AssignmentDraft, type GroupMode, type PoolAssignmentsModel } from '../lib/model.ts';
import { planSave } from '../lib/save-plan.ts';

export interface EditorValues {
  included: GroupRef[];
  excluded: GroupRef[];
  allDevices: boolean;
}

interface WatchedValues {
  included?: { id?: string }[];
  excluded?: { id?: string }[];
  allDevices?: boolean;
}

const ids = (groups: { id?: string }[] | undefined): string[] => (groups ?? []).flatMap((g) => (g.id ? [g.id] : []));

export function toDraft(v: WatchedValues): AssignmentDraft {
  return {
    included: ids(v.included),
    excluded: ids(v.excluded),
    allDevices: v.allDevices ?? false,
  };
}

/**
 * The assignment editor's draft: a react-hook-form started from the assignments shown when
 * editing began (`opened`; later refreshes only change the diff), and what it means against
 * `model` (the assignments the save is planned against): the diff, the request, the warnings.
 */
export function useAssignmentsDraft(opened: PoolAssignmentsModel, model: PoolAssignmentsModel, nameOf: (groupId: string) => string) {
  const [defaultValues] = useState<EditorValues>(() => {
    const d = draftFromModel(opened);
    const refs = (list: string[]) => list.map((id) => ({ id, displayName: nameOf(id) }));
    return { included: refs(d.included), excluded: refs(d.excluded), allDevices: d.allDevices };
  });
  const form = useForm<EditorValues>({ defaultValues });
  const { control, setValue } = form;
  const values = useWatch({ control });
  const [included, excluded] = useWatch({ control, name: ['included', 'excluded'] });
  const draft = toDraft(values);
  const diff = diffAssignments(model, draft);
  const plan = planSave(model, draft);
  const hadAssignments = model.groups.length + model.other.length + (model.allDevices ? 1 : 0) > 0;
  const conflicts = findConflicts(draft, { otherIncludes: model.other.length, hadAssignments });

  const draftNames = new Map<string, string>(
    [...(values.included ?? []), ...(values.excluded ?? [])].flatMap((g) => (g?.id && g.displayName ? [[g.id, g.displayName] as [string, string]] : [])),
  );
  const displayName = (id: string) => draftNames.get(id) ?? nameOf(id);

  /** Puts a draft (e.g. one carried over onto what Graph has now) into the form. */
  const showDraft = (next: AssignmentDraft) => {
    const refs = (list: string[]) => list.map((id) => ({ id, displayName: displayName(id) }));
    setValue('included', refs(next.included), { shouldDirty: true });
    setValue('excluded', refs(next.excluded), { shouldDirty: true });
    setValue('allDevices', next.allDevices, { shouldDirty: true });
  };

  const changeGroups = (next: Sides<GroupRef>) => {
    setValue('included', next.included, { shouldDirty: true });
    setValue('excluded', next.excluded, { shouldDirty: true });
  };

  /** Words under a group's tag: new, moved, or its assignment filter. */
  const tagNote = (mode: GroupMode) => (groupId: string) => {
    if (diff.added.some((a) => a.groupId === groupId && a.mode === mode)) return 'New';
    if (diff.moved.some((m) => m.groupId === groupId && m.to === mode)) return mode === 'include' ? 'Moved from excluded' : 'Moved from included';
    return describeFilter(model.groups.find((g) => g.groupId === groupId)?.filter);
  };

  return {
    form,
    groups: { included, excluded },
    draft,
    diff,
    count: changeCount(diff),
    plan,
    conflicts,
    blocked: conflicts.some((c) => BLOCKING_CONFLICTS.includes(c.kind)),
    displayName,
    showDraft,
    changeGroups,
    tagNote,
  };
}

export type AssignmentsDraft = ReturnType<typeof useAssignmentsDraft>;
