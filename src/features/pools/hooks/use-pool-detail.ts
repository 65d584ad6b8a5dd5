import { useDeletePool } from '../../../entities/pools/delete-pool.ts';
import { usePool } from '../../../entities/pools/get-pool.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { LIST_TITLE } from '../lib/titles.ts';

/**
 * The pool page's data: the pool and its deletion. From the moment the DELETE is sent, nothing
 * on the page may read the pool again (it would be a 404), so `deleting` switches every read off.
 */
export function usePoolDetail(poolId: string) {
  const deletion = useDeletePool(poolId);
  const deleting = deletion.isPending || deletion.isSuccess;
  const pool = usePool(poolId, { enabled: !deleting });
  const name = pool.data?.displayName;
  useDocumentTitle(name ? `${name} – ${LIST_TITLE}` : LIST_TITLE);
  return { pool, deletion, deleting };
}

export type PoolDeletion = ReturnType<typeof useDeletePool>;
