import { describe, expect, it } from 'vitest';
import { formFromWidget, widgetFromForm } from '../../dashboards/widgetForm';
import { tableWidget } from '.';

describe('table widget dialog', () => {
  it('makes a table from a rows topic and columns, and shows them again for editing', () => {
    const form = formFromWidget(undefined, tableWidget, 'plant');
    form.values.rows = 'fleet/+/status';
    form.values.columns = 'Fuel | fuel | %\nState | state';
    const made = widgetFromForm(form, tableWidget);
    expect(made).toMatchObject({ ok: true, widget: { type: 'table', title: 'Table', series: [], rows: { topic: 'fleet/+/status' }, columns: [{ title: 'Fuel', path: 'fuel', unit: '%' }, { title: 'State', path: 'state' }] } });
    if (!made.ok) return;
    const again = formFromWidget({ id: 'w', ...made.widget }, tableWidget, 'plant');
    expect(again.values).toMatchObject({ rows: 'fleet/+/status', columns: 'Fuel | fuel | %\nState | state' });
  });

  it('says what is wrong with a rows topic that is not a filter', () => {
    const form = formFromWidget(undefined, tableWidget, 'plant');
    form.values.rows = 'fleet/#/status';
    expect(widgetFromForm(form, tableWidget)).toEqual({ ok: false, error: 'Rows topic: must be an MQTT topic filter, e.g. fleet/+/status' });
  });
});
