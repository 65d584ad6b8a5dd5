import { startTransition, useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { useForm, useWatch, type FieldError, type Resolver, type ResolverResult } from 'react-hook-form';
import { useAuthState } from '../../../auth/auth-context.tsx';
import { usePoolNames } from '../../../entities/pools/get-pool-names.ts';
import { batchReducer, initialBatchState, type BatchState } from '../lib/batch-state.ts';
import { analyzeBatch } from '../lib/batch-analysis.ts';
import { planBatch, type BatchPlan, type PoolChoice, type PoolPlan } from '../lib/plan-batch.ts';
import { poolNameError, type NameContext } from '../lib/pool-names.ts';
import { matchResumePools } from '../lib/resume-plans.ts';
import { isUnfinished } from '../lib/resume-state.ts';
import { browserResumeStore } from '../lib/resume-store.ts';
import { createValidationQueue } from '../lib/validation-queue.ts';
import { useUploadRun } from './use-upload-run.ts';

export interface PoolNamesForm {
  names: Record<string, string>;
}

let fileCounter = 0;

/**
 * The upload page's model: files in the batch (validated off the main thread),
 * the plan of pools, the admin's names/choices/confirmations, and the upload
 * run (with its resume record in localStorage, per account: never codes).
 */
export function useUploadBatch() {
  const { user } = useAuthState();
  const accountId = user?.homeAccountId ?? 'anonymous';
  const store = useMemo(() => browserResumeStore(accountId), [accountId]);
  const [state, dispatch] = useReducer(batchReducer, store, (s) => {
    const stored = s.load();
    return initialBatchState(isUnfinished(stored) ? stored : null);
  });
  const poolNames = usePoolNames();
  const existing = poolNames.data;

  // ---- names (react-hook-form + zod; the plan is the single source of validity)
  const planRef = useRef<{ plan: BatchPlan | null; existing: typeof existing }>({ plan: null, existing });
  const resolver = useCallback<Resolver<PoolNamesForm>>(async (values): Promise<ResolverResult<PoolNamesForm>> => {
    const { plan, existing: pools } = planRef.current;
    if (!plan || !pools) return { values, errors: {} };
    const editable = plan.pools.filter((p) => !p.nameLocked && p.status !== 'created');
    const batch = plan.pools.map((p) => ({ key: p.key, name: (!p.nameLocked && values.names[p.key]) || p.name }));
    const ctx: NameContext = { existing: pools, batch };
    const errors: Record<string, FieldError> = {};
    for (const p of editable) {
      const ownPoolIds = [p.progress.poolId, p.choice?.mode === 'replace' ? p.choice.poolId : undefined].filter((id): id is string => !!id);
      const message = poolNameError(values.names[p.key] ?? p.name, ctx, { key: p.key, ownPoolIds });
      if (message) errors[p.key] = { type: 'validate', message };
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors: { names: errors } } : { values, errors: {} };
  }, []);
  const form = useForm<PoolNamesForm>({ defaultValues: { names: {} }, mode: 'onChange', resolver });
  const typedNames = useWatch({ control: form.control, name: 'names' });

  const analysis = useMemo(() => analyzeBatch(state.files), [state.files]);
  const plan = useMemo(() => {
    const names: Record<string, string | undefined> = { ...typedNames };
    for (const [key, name] of Object.entries(state.lockedNames)) if (name !== undefined) names[key] = name;
    return planBatch({ analysis, existing, names, choices: state.choices, confirmedWarnings: state.confirmed, progress: state.progress });
  }, [analysis, existing, typedNames, state.lockedNames, state.choices, state.confirmed, state.progress]);
  useEffect(() => {
    planRef.current = { plan, existing };
  });

  // Re-check every name when what it is checked against changes (another pool renamed, pools loaded).
  const nameContext = plan.pools.map((p) => `${p.key}=${p.name}:${p.choice?.mode ?? ''}:${p.nameLocked}`).join('\n') + `|${existing?.length ?? -1}`;
  useEffect(() => {
    const touched = Object.keys(form.getValues('names') ?? {});
    if (touched.length > 0) void form.trigger('names');
  }, [nameContext, form]);

  // ---- resume: match re-dropped files to the interrupted batch by hash
  useEffect(() => {
    if (!state.resume) return;
    const matches = [...matchResumePools(state.resume, analysis.groups)]
      .filter(([key]) => !state.resumed[key])
      .map(([key, pool]) => ({ key, pool }));
    if (matches.length === 0) return;
    dispatch({ type: 'applyResume', matches });
    for (const { key, pool } of matches) if (pool.createState === 'pending' && !pool.oldPoolDeleted) form.setValue(`names.${key}`, pool.name);
  }, [analysis.groups, state.resume, state.resumed, form]);

  // ---- validation (Web Worker), a few files at a time
  // Rendering a finished file's preview may wait for input: keep the page responsive.
  const validator = useMemo(() => createValidationQueue((id, parsed) => startTransition(() => dispatch({ type: 'parsed', id, parsed }))), []);

  const addFiles = useCallback(
    (files: File[]) => {
      const entries = files.map((file) => ({ id: `file-${++fileCounter}`, file }));
      dispatch({ type: 'add', files: entries.map(({ id, file }) => ({ id, name: file.name, size: file.size })) });
      validator.add(entries);
    },
    [validator],
  );

  const removeFiles = useCallback(
    (ids: readonly string[]) => {
      validator.remove(ids);
      dispatch({ type: 'remove', ids });
    },
    [validator],
  );

  useEffect(() => () => validator.abortAll(), [validator]);
  const { start, cancel, redact, resetFirstPlan } = useUploadRun({ plan, state, dispatch, store, accountId, existing });

  const clear = useCallback(() => {
    validator.abortAll();
    form.reset({ names: {} });
    resetFirstPlan();
    dispatch({ type: 'clear' });
  }, [form, validator, resetFirstPlan]);

  const choose = useCallback(
    (pool: PoolPlan, choice: PoolChoice) => {
      dispatch({ type: 'choose', key: pool.key, choice });
      // A fresh suggestion for the new mode: the old pool's name, or a unique one.
      if (choice.mode === 'replace') form.setValue(`names.${pool.key}`, choice.poolName, { shouldValidate: true });
      else {
        const names = form.getValues('names') ?? {};
        const { [pool.key]: _own, ...rest } = names;
        form.setValue('names', rest);
      }
    },
    [form],
  );

  const confirm = useCallback((ids: readonly string[], confirmed: boolean) => dispatch({ type: 'confirm', ids, confirmed }), []);
  const dismissResume = useCallback(() => {
    store.clear();
    dispatch({ type: 'dismissResume' });
  }, [store]);

  return {
    state,
    plan,
    analysis,
    form,
    poolNames,
    addFiles,
    removeFiles,
    clear,
    choose,
    confirm,
    dismissResume,
    start,
    cancel,
    redact,
  };
}

export type UploadBatch = ReturnType<typeof useUploadBatch>;
export type { BatchState };
