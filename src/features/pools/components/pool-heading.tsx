import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { PoolBreadcrumb } from './pool-breadcrumb.tsx';

const useStyles = makeStyles({
  top: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { wordBreak: 'break-word' },
  kind: { color: tokens.colorNeutralForeground2 },
});

/** Breadcrumb, the pool's name as the page's h1, and what kind of object it is. */
export function PoolHeading({ name }: { name: string }) {
  const styles = useStyles();
  return (
    <div className={styles.top}>
      <PoolBreadcrumb name={name} />
      <Title2 as="h1" className={styles.title}>
        {name}
      </Title2>
      <Body1 className={styles.kind}>eSIM activation-code pool</Body1>
    </div>
  );
}
