-- A published post that Facebook no longer has (deleted on the page) is 'removed': the reconciliation
-- stops reading its comments, and the posts page says what happened.
alter table posts drop constraint posts_state_check;
alter table posts add constraint posts_state_check
    check (state in ('draft', 'scheduled', 'publishing', 'published', 'failed', 'removed'));
