import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, Input, Text } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { DEFAULT_LOW_THRESHOLD, type LowThreshold } from '../../../entities/fleet/capacity.ts';
import { useLowThreshold } from '../../../lib/low-threshold-setting.ts';

const whole = (raw: string, max: number): number | null => {
  if (!/^\d{1,7}$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return n <= max ? n : null;
};

/**
 * "Low threshold…": when a pool counts as low on codes, kept for this account in this browser.
 * Mounted (and its code loaded, see capacity-status.tsx) only while open; it starts from the saved values.
 */
export function LowThresholdDialog({ onClose }: { onClose: () => void }) {
  const [threshold, setThreshold] = useLowThreshold();
  const [percent, setPercent] = useState(() => String(threshold.percent));
  const [minCodes, setMinCodes] = useState(() => String(threshold.minCodes));
  const [tried, setTried] = useState(false);

  const p = whole(percent, 100);
  const m = whole(minCodes, 1_000_000);
  const save = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (p === null || m === null) return;
    setThreshold({ percent: p, minCodes: m } satisfies LowThreshold);
    onClose();
  };

  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby="low-threshold-help">
        <form onSubmit={save} noValidate>
          <DialogBody>
            <DialogTitle>When is a pool low on codes?</DialogTitle>
            <DialogContent>
              <Text as="p" id="low-threshold-help">
                A pool shows <strong>Low</strong> when fewer codes remain than either limit. Kept for your account in this browser. Default: under{' '}
                {DEFAULT_LOW_THRESHOLD.percent} % or under {DEFAULT_LOW_THRESHOLD.minCodes} codes.
              </Text>
              <Field label="Under this share of the pool's codes (%)" required validationMessage={tried && p === null ? 'Enter a whole number from 0 to 100.' : undefined}>
                <Input inputMode="numeric" value={percent} onChange={(_e, d) => setPercent(d.value)} />
              </Field>
              <Field label="Or under this many codes" required validationMessage={tried && m === null ? 'Enter a whole number of codes (0 or more).' : undefined}>
                <Input inputMode="numeric" value={minCodes} onChange={(_e, d) => setMinCodes(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit">
                Save
              </Button>
              <Button
                onClick={() => {
                  setPercent(String(DEFAULT_LOW_THRESHOLD.percent));
                  setMinCodes(String(DEFAULT_LOW_THRESHOLD.minCodes));
                }}
              >
                Fill in the default
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button>Cancel</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
