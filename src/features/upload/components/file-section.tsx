import {
  Badge,
  Button,
  Checkbox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular, DeleteRegular, DocumentRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { formatCount } from '../../../lib/format.ts';
import type { PlannedFile } from '../lib/plan-batch.ts';
import { IssueTable } from './issue-table.tsx';
import { StaticTableRow } from '../../../components/static-table-row.tsx';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  icon: { fontSize: '20px', color: tokens.colorNeutralForeground2, flexShrink: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-all' },
  meta: { color: tokens.colorNeutralForeground2 },
  spacer: { flexGrow: 1 },
  preview: { maxWidth: '640px' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontVariantNumeric: 'tabular-nums' },
  lineCol: { width: '64px' },
  confirm: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  // Fluent greys an unchecked label (foreground 3), which on the yellow box is under 4.5:1 in dark.
  confirmLabel: { color: tokens.colorNeutralForeground1 },
});

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export interface FileSectionProps {
  planned: PlannedFile;
  /** Show the preview and problems without a click (few files, or the file has errors). */
  defaultExpanded: boolean;
  onRemove: (id: string) => void;
  onConfirm: (id: string, confirmed: boolean) => void;
}

/** One file of a pool: size and counts, first rows (matching ids masked), problems, warning confirmation. */
export function FileSection({ planned, defaultExpanded, onRemove, onConfirm }: FileSectionProps) {
  const styles = useStyles();
  const { file, issues, errorCount, warningCount, warningsConfirmed } = planned;
  const parsed = file.parsed;
  const [expanded, setExpanded] = useState(defaultExpanded || errorCount > 0 || warningCount > 0);
  const detailsId = useId();
  const open = expanded || errorCount > 0;

  return (
    <section className={styles.root} aria-label={`File ${file.name}`}>
      <div className={styles.header}>
        <DocumentRegular aria-hidden className={styles.icon} />
        <Text className={styles.name}>{file.name}</Text>
        <Text className={styles.meta} size={200}>
          {formatSize(file.size)}
          {parsed && ` · ${formatCount(parsed.codeCount)} ${parsed.codeCount === 1 ? 'code' : 'codes'}`}
        </Text>
        {errorCount > 0 && (
          <Badge appearance="tint" color="danger">
            {formatCount(errorCount)} {errorCount === 1 ? 'error' : 'errors'}
          </Badge>
        )}
        {warningCount > 0 && (
          <Badge appearance="tint" color="warning">
            {formatCount(warningCount)} {warningCount === 1 ? 'warning' : 'warnings'}
          </Badge>
        )}
        {errorCount === 0 && warningCount === 0 && (
          <Badge appearance="tint" color="success">
            No problems
          </Badge>
        )}
        <span className={styles.spacer} />
        {errorCount === 0 && (
          <Button
            size="small"
            appearance="subtle"
            icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
            aria-expanded={expanded}
            aria-controls={detailsId}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? 'Hide details' : 'Show details'}
          </Button>
        )}
        <Button size="small" appearance="subtle" icon={<DeleteRegular />} onClick={() => onRemove(file.id)} aria-label={`Remove ${file.name}`}>
          Remove
        </Button>
      </div>

      {open && (
        <div id={detailsId}>
          {parsed && parsed.preview.length > 0 && (
            <Table size="extra-small" className={styles.preview} aria-label={`First rows of ${file.name}`}>
              <TableHeader>
                <StaticTableRow>
                  <TableHeaderCell className={styles.lineCol}>Line</TableHeaderCell>
                  <TableHeaderCell>ICCID</TableHeaderCell>
                  <TableHeaderCell>Matching ID (masked)</TableHeaderCell>
                </StaticTableRow>
              </TableHeader>
              <TableBody>
                {parsed.preview.map((row) => (
                  <StaticTableRow key={row.line}>
                    <TableCell className={styles.mono}>{row.line}</TableCell>
                    <TableCell className={styles.mono}>{row.iccid}</TableCell>
                    <TableCell className={styles.mono}>{row.matchingIdMasked}</TableCell>
                  </StaticTableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {issues.length > 0 && <IssueTable issues={issues} fileName={file.name} />}
        </div>
      )}

      {errorCount === 0 && warningCount > 0 && (
        <div className={styles.confirm}>
          <Checkbox
            checked={warningsConfirmed}
            onChange={(_e, data) => onConfirm(file.id, data.checked === true)}
            label={{
              className: styles.confirmLabel,
              children: `I have reviewed the ${formatCount(warningCount)} ${warningCount === 1 ? 'warning' : 'warnings'} in ${file.name} and want to upload its codes anyway`,
            }}
          />
        </div>
      )}
    </section>
  );
}
