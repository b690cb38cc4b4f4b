/** The sample household's banks, lenders and insurers. */
import type { Institution } from '../domain/entities';
import { INSTITUTION_PRESET_DETAILS } from '../domain/presets';
import type { SampleContext } from './context';

export function buildInstitutions({ text, stamps }: SampleContext): Institution[] {
  const institution = (id: string, preset: keyof typeof INSTITUTION_PRESET_DETAILS, name: string): Institution => ({
    id,
    name,
    preset,
    kind: INSTITUTION_PRESET_DETAILS[preset].kind,
    color: INSTITUTION_PRESET_DETAILS[preset].color,
    archived: false,
    ...stamps,
  });
  return [
    institution('inst-cmb', 'cmb', text.institutions.cmb),
    institution('inst-icbc', 'icbc', text.institutions.icbc),
    institution('inst-ccb', 'ccb', text.institutions.ccb),
    institution('inst-boc', 'boc', text.institutions.boc),
    institution('inst-jd', 'jd-finance', text.institutions.jd),
    institution('inst-alipay', 'alipay', text.institutions.alipay),
    institution('inst-wechat', 'wechat-pay', text.institutions.wechat),
    { id: 'inst-pingan', name: text.pingAn, kind: 'insurer', color: '#f05a23', archived: false, ...stamps },
    { id: 'inst-chinalife', name: text.chinaLife, kind: 'insurer', color: '#0a6e3c', archived: false, ...stamps },
  ];
}
