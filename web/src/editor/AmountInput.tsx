/**
 * An amount typed in 万元; kept with the precision typed (82.9 → one decimal of 万元). The text is the
 * input's own state: remount it (key) to show a value changed from outside.
 */
import { Input } from 'antd';
import { useState } from 'react';
import { type Amount, formatAmount, parseAmount } from '../../../src/core/kernel/money.ts';
import { normaliseTypedNumber } from '../format/amount.ts';

const shown = (a: Amount | null) => (a ? formatAmount(a, '万元').replace(/万元$/, '') : '');

export function AmountInput({
  id,
  value,
  onChange,
  optional,
  invalid,
  describedBy,
}: {
  id: string;
  value: Amount | null;
  onChange(a: Amount | null): void;
  optional?: boolean;
  invalid?: boolean;
  describedBy?: string;
}) {
  const [text, setText] = useState(shown(value));
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Input
        id={id}
        value={text}
        inputMode="decimal"
        suffix="万元"
        status={error || invalid ? 'error' : undefined}
        aria-invalid={error || invalid ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          if (!t.trim()) {
            if (optional) {
              setError(null);
              onChange(null);
            } else setError('请填写金额');
            return;
          }
          const n = normaliseTypedNumber(t);
          const a = n ? parseAmount(n, '万元') : null;
          if (!a) {
            setError('请输入数字（单位：万元）');
            return;
          }
          setError(null);
          onChange(a);
        }}
      />
      {error && (
        <div role="alert" style={{ color: '#cf1322', fontSize: 13 }}>
          {error}
        </div>
      )}
    </>
  );
}
