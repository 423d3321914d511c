import { gql } from '../api/client';
import { useI18n } from '../i18n';
import { useAsync } from './use-async';

export interface StaffMember {
  id: string;
  displayName: string;
  role: string;
  orgCode: string;
}

const DIRECTORY = `query ($role: Role!) { staffDirectory(role: $role) { id displayName role orgCode } }`;

/**
 * 选择工作人员: enabled staff of one role by their work name (staffDirectory), so a form names a
 * person instead of taking a typed account id. `onPick` gets the whole entry (name, organisation).
 */
export function StaffPicker({ role, name, value, onPick, required }: { role: string; name: string; value: string; onPick: (m: StaffMember | undefined) => void; required?: boolean }) {
  const { t } = useI18n();
  const staff = useAsync(() => gql<{ staffDirectory: StaffMember[] }>(DIRECTORY, { role }).then((r) => r.staffDirectory), [role]);
  const people = staff.data ?? [];
  return (
    <select name={name} value={value} required={required} onChange={(e) => onPick(people.find((m) => m.id === e.target.value))} data-testid={`${name}-picker`}>
      <option value="">{staff.loading ? t('staff.loading') : t('staff.choose')}</option>
      {people.map((m) => (
        <option key={m.id} value={m.id}>
          {m.displayName} ({m.orgCode})
        </option>
      ))}
    </select>
  );
}
