import { Button, Toast, ToastTitle, Tooltip, useToastController } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { TOASTER_ID } from '../../../lib/toaster.ts';

/** Copies the pool ID to the clipboard; says so, or says how to copy by hand when the browser refuses. */
export function CopyIdButton({ id }: { id: string }) {
  const { dispatchToast } = useToastController(TOASTER_ID);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(t);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(id);
      setCopied(true);
      dispatchToast(
        <Toast>
          <ToastTitle>Pool ID copied</ToastTitle>
        </Toast>,
        { intent: 'success', timeout: 2000 },
      );
    } catch {
      dispatchToast(
        <Toast>
          <ToastTitle>The browser did not allow copying. Select the ID and press Ctrl+C.</ToastTitle>
        </Toast>,
        { intent: 'warning' },
      );
    }
  };

  return (
    <Tooltip content={copied ? 'Copied' : 'Copy to clipboard'} relationship="description">
      <Button
        appearance="subtle"
        size="small"
        icon={copied ? <CheckmarkRegular /> : <CopyRegular />}
        aria-label="Copy pool ID"
        onClick={() => void copy()}
      />
    </Tooltip>
  );
}
