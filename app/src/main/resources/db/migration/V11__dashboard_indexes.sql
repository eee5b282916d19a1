-- Indexes for the dashboard's reads, measured with OverviewBenchmark (docs/dashboard.md).

-- a volunteer's messages (volunteers page: counts, latest message, detail)
create index messages_organisation_author on messages (organisation_id, author_id, created_at desc);
-- a volunteer's interests
create index interests_volunteer on interests (volunteer_id);
-- new volunteers over a range, and the list newest first, without merged duplicates
create index volunteers_organisation_first_seen on volunteers (organisation_id, first_seen_at desc, id desc)
    where merged_into is null;
