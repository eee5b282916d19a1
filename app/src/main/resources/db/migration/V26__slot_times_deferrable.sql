-- Two slots of a signup still never have the same times, but an edit may make slots trade their times
-- (10-12 becomes 13-15 and 13-15 becomes 10-12), and rows are written one at a time. The unique key V4
-- made is checked at every row; this one is deferrable, so SignupStore.update checks it once all the
-- edit's slots are written. Everywhere else it stays immediate.
alter table signup_slots
    drop constraint signup_slots_signup_id_starts_at_ends_at_key,
    add constraint signup_slots_times_unique unique (signup_id, starts_at, ends_at)
        deferrable initially immediate;
