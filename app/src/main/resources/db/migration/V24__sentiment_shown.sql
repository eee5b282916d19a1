-- How the dashboard shows a message's sentiment: its label when the model is confident, else
-- 'neutral'. The sentiment model knows only negative and positive (it learned from reviews), and
-- most comments under a signup post (questions, offers, times) are neither: it scores them with
-- probabilities of 0.55-0.75. A colour is shown only from a score (the label's probability) of
-- 0.8, where the model was right on 96 % of the reviews of a domain it never trained on
-- (docs/models.md). The live feed applies the same rule (frontend dashboard.js, SHOWN_FROM).
create function sentiment_shown(label text, score real) returns text
    language sql immutable
    as $$ select case when label is null then null when score >= 0.8 then label else 'neutral' end $$;
