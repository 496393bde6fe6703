import "server-only";

// Ids are UUIDs: anything else cannot name a record.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids are UUIDs; anything else cannot name a record, so it is simply not found. */
export const isUuid = (id: string): boolean => UUID.test(id);
