import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preview } from '../../main/core/intake/views.ts';
import { useNames, yuan } from './names.ts';

export type FeeList = Preview['fees'];
export type FeeLine = FeeList['utilities'][number]['lines'][number];
type Controls = { choose?: ((line: FeeLine) => ReactNode) | undefined; quantity?: ((line: FeeLine) => ReactNode) | undefined };

/**
 * The itemised fee list (收费明细), grouped by utility (each collects its own fees), with
 * optional items marked as such and what is charged totalled. The clerk's form passes
 * `choose` and `quantity` to edit; the customer's screen and the receipt only show it.
 */
export function FeeTable({ fees, choose, quantity }: { fees: FeeList } & Controls) {
  const { t } = useTranslation();
  return (
    <div className="fee-table" data-testid="fee-table">
      <table>
        <thead>
          <tr>
            <th>{t('intake:fees.item')}</th>
            <th>{t('intake:fees.business')}</th>
            <th className="num">{t('intake:fees.price')}</th>
            <th className="num">{t('intake:fees.quantity')}</th>
            <th className="num">{t('intake:fees.amount')}</th>
            <th>{t('intake:fees.legalBasis')}</th>
          </tr>
        </thead>
        {fees.utilities.map((group) => (
          <FeeGroup key={group.utility} group={group} choose={choose} quantity={quantity} />
        ))}
        <tfoot>
          <tr className="fee-total">
            <td colSpan={4}>{t('intake:fees.total')}</td>
            <td className="num" data-testid="fees-total">
              {yuan(fees.totalFen)}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
      {fees.hasOptional && <p className="fee-optional-notice">{t('intake:fees.optionalNotice')}</p>}
    </div>
  );
}

/** One utility's lines and subtotal; a utility with nothing to charge takes a single line. */
function FeeGroup({ group, choose, quantity }: { group: FeeList['utilities'][number] } & Controls) {
  const { t } = useTranslation();
  const name = useNames();
  if (group.lines.length === 0) {
    return (
      <tbody data-testid={`fees-${group.utility}`}>
        <tr className="fee-group fee-free">
          <th scope="row">{name(group.utilityNames)}</th>
          <td colSpan={3} className="muted">
            {t('intake:fees.none')}
          </td>
          <td className="num" data-testid={`fees-total-${group.utility}`}>
            {yuan(0)}
          </td>
          <td />
        </tr>
      </tbody>
    );
  }
  return (
    <tbody data-testid={`fees-${group.utility}`}>
      <tr className="fee-group">
        <th colSpan={6} scope="rowgroup">
          {name(group.utilityNames)}
        </th>
      </tr>
      {group.lines.map((line) => (
        <tr key={line.key} className={line.included ? '' : 'fee-declined'}>
          <td>
            {name(line.names)}
            {!line.mandatory && <span className="badge optional">{t('intake:fees.optional')}</span>}
            {!line.mandatory && !choose && <span className="fee-choice">{line.included ? t('intake:fees.chosen') : t('intake:fees.notChosen')}</span>}
            {choose?.(line)}
            {line.note && <div className="fee-note">{name(line.note)}</div>}
          </td>
          <td>{name(line.businessNames)}</td>
          <td className="num">
            {yuan(line.priceFen)}/{name(line.unit)}
          </td>
          <td className="num">{quantity ? quantity(line) : line.quantity}</td>
          <td className="num">{line.included ? yuan(line.amountFen) : '—'}</td>
          <td className="fee-basis">{line.legalBasis}</td>
        </tr>
      ))}
      <tr className="fee-subtotal">
        <td colSpan={4}>{t('intake:fees.subtotal', { utility: name(group.utilityNames) })}</td>
        <td className="num" data-testid={`fees-total-${group.utility}`}>
          {yuan(group.totalFen)}
        </td>
        <td>{group.deductionCappedFen > 0 ? t('intake:fees.deductionCapped', { amount: yuan(group.deductionCappedFen) }) : ''}</td>
      </tr>
    </tbody>
  );
}
