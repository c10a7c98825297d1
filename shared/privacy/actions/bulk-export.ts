import type { DetailOf } from '../../platform/bus/contract.js';
import { writeWithEvents } from '../../platform/bus/outbox.js';
import type { BulkExported } from '../../platform/privacy/bulk-export.js';
import { isConditionalCheckFailed } from '../../platform/table/table.js';
import { auditPut } from '../store.js';

/**
 * A bulk download in the audit log (who, when, what, how many rows), once per download: the entry's
 * key is the download's time and id, written on condition that it is new, so a redelivered
 * event writes nothing twice.
 */
export async function auditBulkExport(detail: DetailOf<typeof BulkExported>): Promise<void> {
  try {
    await writeWithEvents(
      detail.tenantId,
      [
        auditPut(
          detail.tenantId,
          {
            action: 'bulk-export',
            actor: detail.actor,
            what: detail.subjectId ? `${detail.kind} (${detail.subjectId})` : detail.kind,
            count: detail.count,
          },
          new Date(detail.at),
          detail.exportId,
        ),
      ],
      [],
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}
