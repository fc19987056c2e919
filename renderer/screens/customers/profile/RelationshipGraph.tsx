// A small picture of who the customer is linked to: the customer in the centre, related customers on a circle
// around, each edge labelled with the kind. Plain SVG; names are text nodes (escaped by React).
import { useTranslation } from 'react-i18next';
import type { CustomerProfile } from '../../../../shared/contract';

const size = 420;
const centre = size / 2;
const radius = 150;

function short(name: string): string {
  return name.length > 22 ? `${name.slice(0, 21)}…` : name;
}

export function RelationshipGraph({ profile }: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const links = [
    ...profile.relationships.map((r) => ({
      id: r.other.id,
      name: r.other.displayName,
      label: t(`customers.relationshipKind.${r.kind}`),
    })),
    ...profile.people.map((p) => ({
      id: p.person.id,
      name: p.person.displayName,
      label: t(`customers.personRole.${p.role}`, { defaultValue: p.role }),
    })),
    ...profile.memberOf.map((m) => ({
      id: m.business.id,
      name: m.business.displayName,
      label: t(`customers.personRole.${m.role}`, { defaultValue: m.role }),
    })),
  ].slice(0, 24);
  if (links.length === 0) return null;
  return (
    <svg
      viewBox={`0 0 ${size} ${size}`}
      width={size}
      height={size}
      role="img"
      aria-label={t('customers.relationships.graph', { name: profile.displayName })}
      style={{ maxWidth: '100%', height: 'auto' }}
    >
      {links.map((link, i) => {
        const angle = (2 * Math.PI * i) / links.length - Math.PI / 2;
        const x = centre + radius * Math.cos(angle);
        const y = centre + radius * Math.sin(angle);
        return (
          <g key={`${link.id}-${i}`}>
            <line
              x1={centre}
              y1={centre}
              x2={x}
              y2={y}
              stroke="var(--mantine-color-gray-5)"
              strokeWidth={1.5}
            />
            <text
              x={(centre + x) / 2}
              y={(centre + y) / 2 - 4}
              textAnchor="middle"
              fontSize={11}
              fill="var(--mantine-color-indigo-7)"
            >
              {link.label}
            </text>
            <a href={`#/customers/${link.id}`}>
              <circle
                cx={x}
                cy={y}
                r={8}
                fill="var(--mantine-color-gray-2)"
                stroke="var(--mantine-color-gray-6)"
              />
              <text x={x} y={y + 22} textAnchor="middle" fontSize={12} fill="var(--mantine-color-text)">
                {short(link.name)}
              </text>
            </a>
          </g>
        );
      })}
      <circle cx={centre} cy={centre} r={14} fill="var(--mantine-color-teal-6)" />
      <text
        x={centre}
        y={centre + 32}
        textAnchor="middle"
        fontSize={13}
        fontWeight={700}
        fill="var(--mantine-color-text)"
      >
        {short(profile.displayName)}
      </text>
    </svg>
  );
}
