import { Body1, Card, Title2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  main: { maxWidth: '720px', margin: '0 auto', padding: tokens.spacingHorizontalXXL },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingLeft: tokens.spacingHorizontalL },
});

/** Shown instead of a blank page when public/config.json is missing or wrong. */
export function ConfigErrorPage({ issues }: { issues: { field: string; message: string }[] }) {
  const styles = useStyles();
  return (
    <main className={styles.main}>
      <Card role="alert">
        <Title2 as="h1">The console is not configured correctly</Title2>
        <Body1>
          Fix these values in <code>config.json</code> (served next to this page) and reload:
        </Body1>
        <ul className={styles.list}>
          {issues.map((i) => (
            <li key={`${i.field}:${i.message}`}>
              <code>{i.field}</code>: {i.message}
            </li>
          ))}
        </ul>
      </Card>
    </main>
  );
}
