import {
  Badge,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DesktopRegular, PeopleTeamRegular, QuestionCircleRegular } from '@fluentui/react-icons';
import { formatCount } from '../../../lib/format.ts';
import { useGroupMemberCounts } from '../../../entities/groups/get-group-member-count.ts';
import { describeFilter, describeOtherTarget, filterOf, type GroupMode, type PoolAssignmentsModel } from '../lib/model.ts';
import { StaticTableRow } from '../../../components/static-table-row.tsx';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  table: { tableLayout: 'fixed' },
  groupCol: { width: '50%' },
  numeric: { textAlign: 'end' },
  muted: { color: tokens.colorNeutralForeground3 },
  empty: { color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalS} 0` },
  unknownIcon: { color: tokens.colorPaletteMarigoldForeground2 },
});

export interface AssignmentsViewProps {
  model: PoolAssignmentsModel;
  nameOf: (groupId: string) => string;
  isResolved: (groupId: string) => boolean;
}

/** The pool's assignments, read-only: included and excluded groups with member counts, and other targets. */
export function AssignmentsView({ model, nameOf, isResolved }: AssignmentsViewProps) {
  const styles = useStyles();
  const counts = useGroupMemberCounts(model.groups.filter((g) => isResolved(g.groupId)).map((g) => g.groupId));

  const table = (mode: GroupMode) => {
    const title = mode === 'include' ? 'Included groups' : 'Excluded groups';
    const groups = model.groups.filter((g) => g.mode === mode);
    const allDevices = mode === 'include' ? model.allDevices : undefined;
    const others = mode === 'include' ? model.other : [];
    const rows = groups.length + (allDevices ? 1 : 0) + others.length;
    return (
      <div className={styles.block}>
        <div className={styles.heading}>
          <Subtitle2 as="h3">{title}</Subtitle2>
          <Badge appearance="tint" color={mode === 'include' ? 'brand' : 'danger'} aria-label={`${rows} ${title.toLowerCase()}`}>
            {rows}
          </Badge>
        </div>
        {rows === 0 ? (
          <Text className={styles.empty}>{mode === 'include' ? 'No group is included: this pool gives codes to no device.' : 'No group is excluded.'}</Text>
        ) : (
          <Table aria-label={title} size="small" className={styles.table}>
            <TableHeader>
              <StaticTableRow>
                <TableHeaderCell className={styles.groupCol}>Group</TableHeaderCell>
                <TableHeaderCell>Members</TableHeaderCell>
                <TableHeaderCell>Assignment filter</TableHeaderCell>
              </StaticTableRow>
            </TableHeader>
            <TableBody>
              {allDevices && (
                <StaticTableRow>
                  <TableCell>
                    <TableCellLayout media={<DesktopRegular aria-hidden />}>All devices</TableCellLayout>
                  </TableCell>
                  <TableCell className={styles.muted}>Every enrolled device</TableCell>
                  <TableCell>{describeFilter(filterOf(allDevices.target)) ?? <span className={styles.muted}>None</span>}</TableCell>
                </StaticTableRow>
              )}
              {others.map((a) => (
                <StaticTableRow key={a.id}>
                  <TableCell>
                    <TableCellLayout media={<DesktopRegular aria-hidden />} description="Read-only here; kept as it is when you save">
                      {describeOtherTarget(a.target)}
                    </TableCellLayout>
                  </TableCell>
                  <TableCell className={styles.muted}>—</TableCell>
                  <TableCell>{describeFilter(filterOf(a.target)) ?? <span className={styles.muted}>None</span>}</TableCell>
                </StaticTableRow>
              ))}
              {groups.map((g) => {
                const resolved = isResolved(g.groupId);
                const count = counts.get(g.groupId);
                return (
                  <StaticTableRow key={`${g.groupId}-${g.assignmentId ?? ''}`}>
                    <TableCell>
                      <TableCellLayout
                        truncate
                        media={resolved ? <PeopleTeamRegular aria-hidden /> : <QuestionCircleRegular aria-hidden className={styles.unknownIcon} />}
                        description={resolved ? undefined : 'Deleted, or not readable with your permissions'}
                      >
                        {nameOf(g.groupId)}
                      </TableCellLayout>
                    </TableCell>
                    <TableCell>{count === undefined ? <span className={styles.muted}>—</span> : formatCount(count)}</TableCell>
                    <TableCell>{describeFilter(g.filter) ?? <span className={styles.muted}>None</span>}</TableCell>
                  </StaticTableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </div>
    );
  };

  return (
    <>
      {table('include')}
      {table('exclude')}
      <Caption1 className={styles.muted}>Intune gives eSIM codes to devices in the included groups, except devices that are also in an excluded group.</Caption1>
    </>
  );
}
