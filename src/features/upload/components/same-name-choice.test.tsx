import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../testing/render-with-app.tsx';
import type { PoolChoice } from '../lib/plan-batch.ts';
import { SameNameChoice } from './same-name-choice.tsx';

const SAME = { id: 'old-1', displayName: 'contoso-mobile', activationCodeCount: 40 };

function Harness({ onChoose }: { onChoose: (c: PoolChoice) => void }) {
  const [choice, setChoice] = useState<PoolChoice | undefined>(undefined);
  return (
    <SameNameChoice
      same={SAME}
      choice={choice}
      onChoose={(c) => {
        setChoice(c);
        onChoose(c);
      }}
    />
  );
}

describe('SameNameChoice', () => {
  it('offers replace first and the new pool second, with neither chosen for the admin', () => {
    renderWithApp(<Harness onChoose={vi.fn()} />);
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['replace', 'new']);
    expect(radios[0]).toBe(screen.getByRole('radio', { name: /^Replace “contoso-mobile” with these files/ }));
    expect(radios[1]).toBe(screen.getByRole('radio', { name: /^Keep “contoso-mobile” and upload these files as a new pool/ }));
    expect(radios.map((r) => (r as HTMLInputElement).checked)).toEqual([false, false]);
    expect(screen.getByText(/Nothing is uploaded until you choose/)).toBeTruthy();
  });

  it('says replace is confirmed before anything is deleted', () => {
    renderWithApp(<Harness onChoose={vi.fn()} />);
    expect(screen.getByRole('radio', { name: /^Replace.*you confirm before anything is deleted/ })).toBeTruthy();
  });

  it('reports each choice: replace names the old pool, keep asks for a new pool', async () => {
    const onChoose = vi.fn();
    renderWithApp(<Harness onChoose={onChoose} />);
    await userEvent.click(screen.getByRole('radio', { name: /^Keep/ }));
    expect(onChoose).toHaveBeenLastCalledWith({ mode: 'new' });
    expect((screen.getByRole('radio', { name: /^Keep/ }) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole('radio', { name: /^Replace/ }));
    expect(onChoose).toHaveBeenLastCalledWith({ mode: 'replace', poolId: 'old-1', poolName: 'contoso-mobile', poolCodeCount: 40 });
    expect((screen.getByRole('radio', { name: /^Replace/ }) as HTMLInputElement).checked).toBe(true);
  });
});
