import { Body1, Button, Card, CardHeader, MessageBar, MessageBarBody, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useAuthState } from '../auth/auth-context.tsx';
import type { AppConfig } from '../config/config.ts';

const useStyles = makeStyles({
  main: { display: 'flex', justifyContent: 'center', padding: tokens.spacingHorizontalXXXL },
  card: { maxWidth: '520px', width: '100%', padding: tokens.spacingHorizontalXL },
  details: { color: tokens.colorNeutralForeground2 },
});

export function SignInPage({ config }: { config: AppConfig }) {
  const styles = useStyles();
  const { signIn, redirectError } = useAuthState();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <main className={styles.main}>
      <Card className={styles.card}>
        <CardHeader header={<Title2 as="h1">eSIM pools for Microsoft Intune</Title2>} />
        <Body1>
          Sign in with your work account to manage eSIM activation-code pools, their group assignments and device
          status.
        </Body1>
        {(redirectError || error) && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>Sign-in failed: {error ?? redirectError?.message}</MessageBarBody>
          </MessageBar>
        )}
        <Button
          appearance="primary"
          disabled={starting}
          onClick={() => {
            setStarting(true);
            setError(null);
            signIn().catch((e: unknown) => {
              setStarting(false);
              setError(e instanceof Error ? e.message : String(e));
            });
          }}
        >
          {starting ? 'Redirecting to sign-in…' : 'Sign in'}
        </Button>
        <Text size={200} className={styles.details}>
          {config.cloudName} · tenant {config.tenantId} · {new URL(config.authority).host}
        </Text>
      </Card>
    </main>
  );
}
