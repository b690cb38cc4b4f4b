import { useTranslation } from 'react-i18next';
import type { Institution } from '../../shared/domain';

/** An institution's name with its colour, the same everywhere it appears. */
export function institutionName(institution: Institution, t: (key: string) => string): string {
  return institution.preset && institution.preset !== 'other' ? t(`institution.preset.${institution.preset}`) : institution.name;
}

export function InstitutionBadge(props: { institution: Institution | undefined }) {
  const { t } = useTranslation();
  if (!props.institution) return null;
  return (
    <span className="institution-badge">
      <span className="swatch" style={{ backgroundColor: props.institution.color }} aria-hidden="true" />
      {institutionName(props.institution, t)}
    </span>
  );
}
