-- When the volunteer was reminded of the place in Messenger (PlaceReminders); null until then.
alter table slot_assignments add column reminded_at timestamptz;
-- the scheduler's scan: places not yet reminded
create index slot_assignments_not_reminded on slot_assignments (slot_id) where reminded_at is null;
