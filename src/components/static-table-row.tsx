import { TableRow, makeStyles, mergeClasses, tokens, type TableRowProps } from '@fluentui/react-components';

const useStyles = makeStyles({
  // Fluent's row highlights on hover and press with colours meant for text that inherits the
  // row's colour. These tables are read, not clicked, and their secondary text (file names,
  // request IDs) has a colour of its own: in the high-contrast theme the highlight (#1AEBFF)
  // under white text is 1.5:1. No highlight, so every theme keeps its contrast.
  row: {
    ':hover': { backgroundColor: tokens.colorTransparentBackground, color: 'inherit' },
    ':active': { backgroundColor: tokens.colorTransparentBackground, color: 'inherit' },
  },
});

/** A row of a table that is read, not clicked: no hover or press highlight. */
export function StaticTableRow({ className, ...props }: TableRowProps) {
  const styles = useStyles();
  return <TableRow {...props} className={mergeClasses(styles.row, className)} />;
}
