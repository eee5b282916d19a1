-- Everyone a data deletion erased, by a SHA-256 of each Facebook id it covered (never the id itself),
-- with when. The writer drops a message that its author wrote before being erased and that was
-- still on its way through the pipeline (or was read again from Facebook by reconciliation), so an
-- erasure is not undone by what was in flight. A message written after the erasure is stored.
create table erased_people (
    user_hash  text        primary key,
    erased_at  timestamptz not null
);
