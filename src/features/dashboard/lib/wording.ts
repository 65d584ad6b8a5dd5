import type { EmbeddedSimDeviceState, EmbeddedSimDeviceStateValue } from '../../../graph/types.ts';

/**
 * How the console words device states and failures. The pools feature owns
 * that text (device-state-text.ts); features do not import each other, so
 * the app passes it in (see src/app/routes/dashboard.tsx).
 */
export interface DeviceStateWording {
  /** "Waiting for check-in", "Installed"… */
  stateLabel: Readonly<Record<EmbeddedSimDeviceStateValue, string>>;
  /** Why a device failed, in plain words ("No room for another eSIM profile"). */
  reason: (device: Pick<EmbeddedSimDeviceState, 'state' | 'stateDetails'>) => string;
  /** What the admin can do about it, in plain words. */
  advice: (device: Pick<EmbeddedSimDeviceState, 'state' | 'stateDetails'>) => string;
}
