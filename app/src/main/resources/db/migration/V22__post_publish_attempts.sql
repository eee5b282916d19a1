-- When the workers first called Facebook to publish the post. A retry that finds it set looks on
-- the page for the post before publishing again, so a worker dying between Facebook's answer and
-- recording it does not publish the post twice.
alter table posts add column publish_attempted_at timestamptz;
