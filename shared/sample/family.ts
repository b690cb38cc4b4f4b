/** The sample family: the two earners and their child, who the policies insure. */
import type { FamilyMember } from '../domain/entities';
import { CNY, type SampleContext } from './context';

export function buildFamilyMembers({ text, stamps }: SampleContext): FamilyMember[] {
  return [
    { id: 'member-self', name: text.self, relation: 'self', birthDate: '1988-04-12', annualIncome: 26_000_000, currency: CNY, ...stamps },
    { id: 'member-spouse', name: text.spouse, relation: 'spouse', birthDate: '1990-09-03', annualIncome: 18_000_000, currency: CNY, ...stamps },
    { id: 'member-child', name: text.child, relation: 'child', birthDate: '2016-06-01', ...stamps },
  ];
}
