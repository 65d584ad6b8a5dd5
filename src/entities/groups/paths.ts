import { graphPath } from '../../graph/odata.ts';

/** Every Graph path of the directory group resource, built in one place. Ids are percent-encoded by `graphPath`. */
export const groupPaths = {
  collection: '/groups',
  members: (groupId: string) => graphPath`/groups/${groupId}/members`,
  /** `POST`: directory objects by id (`types: ['group']` keeps it to groups). */
  getByIds: '/directoryObjects/getByIds',
};
