import type { Institution } from '../../shared/domain';

/** An institution's name with its colour, the same everywhere it appears. */
export function InstitutionBadge(props: { institution: Institution | undefined }) {
  if (!props.institution) return null;
  return (
    <span className="institution-badge">
      <span className="swatch" style={{ backgroundColor: props.institution.color }} aria-hidden="true" />
      {props.institution.name}
    </span>
  );
}
