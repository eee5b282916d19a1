package org.voluntree.app.overview;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voluntree.app.VoluntreeApplication;
import org.voluntree.app.account.AdminAccounts;
import org.voluntree.app.testing.ApiClient;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.local.LocalRedisServer;

/**
 * Not a test: a program that measures the dashboard API on an organisation with 100,000
 * classified messages over the last 7 days, 20 signups with 2,000 places taken (and a second
 * organisation of the same size beside it), inserted straight into PostgreSQL. Run it with
 * {@code mvn -q -pl app -am test-compile && mvn -q -pl app exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.voluntree.app.overview.OverviewBenchmark}; docs/dashboard.md has the figures.
 */
public final class OverviewBenchmark {

    private static final int MESSAGES = 100_000;
    private static final int VOLUNTEERS = 10_000;
    private static final int RUNS = 20;

    private OverviewBenchmark() {}

    public static void main(String[] args) throws Exception {
        int port = LocalRedisServer.freePort();
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(VoluntreeApplication.class).run(TestServers.commandLine("web", port))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            jdbc.update("truncate organisations cascade");
            long measured = seed(jdbc, "Measured", "100000000000901");
            seed(jdbc, "Neighbour", "100000000000902");
            app.getBean(AdminAccounts.class)
                    .createOrUpdate(measured, "bench@bench.example", "benchmark-password", "owner");
            jdbc.execute("analyze");
            ApiClient api = ApiClient.logIn(port, "bench@bench.example", "benchmark-password");
            System.out.printf(
                    "Seeded 2 organisations x %,d messages (%,d classifications, %,d interests)%n",
                    MESSAGES,
                    jdbc.queryForObject("select count(*) from classifications", Long.class),
                    jdbc.queryForObject("select count(*) from interests", Long.class));
            var overview = ApiClient.json(api.get("/api/overview"));
            System.out.printf(
                    "Overview: %d messages, %d interests, %d active signups, %d places taken%n",
                    overview.path("messages").asLong(),
                    overview.path("interests").asLong(),
                    overview.path("activeSignups").asLong(),
                    overview.path("slotSignups").asLong());
            measure(api, "/api/overview (7 days, 100,000 messages)", "/api/overview");
            measure(
                    api,
                    "/api/analytics (7 days, 1-hour buckets)",
                    "/api/analytics?bucket=1h&from=" + java.time.Instant.now().minus(java.time.Duration.ofDays(7)));
            measure(api, "/api/analytics (24 hours, 10-minute buckets)", "/api/analytics");
            measure(api, "/api/volunteers (first 50 of 10,000)", "/api/volunteers");
            measure(api, "/api/messages/search?text=saturday", "/api/messages/search?text=saturday");
        }
        System.exit(0);
    }

    private static long seed(JdbcTemplate jdbc, String name, String pageId) {
        long org = jdbc.queryForObject("insert into organisations (name) values (?) returning id", Long.class, name);
        long page = jdbc.queryForObject("""
                insert into pages (organisation_id, facebook_page_id, name) values (?, ?, ?) returning id
                """, Long.class, org, pageId, name);
        jdbc.update("""
                insert into messages (organisation_id, page_id, external_id, kind, post_id, author_id, author_name, text,
                                      created_at, received_at)
                select ?, ?, ? || '_' || g, 'COMMENT', ? || '_777', 'u' || (g % ?), 'Person ' || (g % ?),
                       case when g % 3 = 0 then 'Count me in for Saturday!' else 'What time does it start? #' || g end,
                       now() - (g * interval '6 seconds'), now() - (g * interval '6 seconds')
                  from generate_series(1, ?) g
                """, org, page, pageId, pageId, VOLUNTEERS, VOLUNTEERS, MESSAGES);
        jdbc.update("""
                insert into classifications (message_id, analyzer, model_version, label, score, scores)
                select m.id, a.analyzer, 1,
                       case a.analyzer when 'sentiment' then (case when m.id % 4 = 0 then 'negative' else 'positive' end)
                                       when 'offense' then 'neither'
                                       else (case when m.text like 'Count%' then 'volunteer' else 'event_question' end) end,
                       0.8,
                       case a.analyzer when 'offense' then '{0.05,0.15,0.8}'::real[] else '{0.2,0.8}'::real[] end
                  from messages m cross join (values ('sentiment'), ('offense'), ('intent')) a(analyzer)
                 where m.organisation_id = ?
                """, org);
        jdbc.update("""
                insert into volunteers (organisation_id, facebook_user_id, name, first_seen_at)
                select ?, author_id, min(author_name), min(created_at) from messages
                 where organisation_id = ? and text like 'Count%' group by author_id
                """, org, org);
        jdbc.update("""
                insert into interests (organisation_id, volunteer_id, message_id, post_id, score, created_at)
                select m.organisation_id, v.id, m.id, m.post_id, 0.8, m.created_at
                  from messages m join volunteers v on v.organisation_id = m.organisation_id and v.facebook_user_id = m.author_id
                 where m.organisation_id = ? and m.text like 'Count%'
                """, org);
        // 20 signups of 5 slots; 2,000 volunteers confirmed in a slot over the week
        jdbc.update("""
                insert into signups (organisation_id, title, created_at)
                select ?, 'Signup ' || g, now() - interval '8 days' from generate_series(1, 20) g
                """, org);
        jdbc.update("""
                insert into signup_slots (signup_id, starts_at, ends_at, required)
                select s.id, now() + (g * interval '1 day'), now() + (g * interval '1 day') + interval '3 hours', 100
                  from signups s cross join generate_series(1, 5) g where s.organisation_id = ?
                """, org);
        jdbc.update("""
                insert into slot_assignments (slot_id, volunteer_id, confirmed_at)
                select slot.id, v.id, now() - (v.id % 600000) * interval '1 second'
                  from (select id, row_number() over (order by id) n from volunteers where organisation_id = ?
                         order by id limit 2000) v
                  join (select s.id, row_number() over (order by s.id) n from signup_slots s
                          join signups g on g.id = s.signup_id where g.organisation_id = ?) slot
                    on slot.n = (v.n % 100) + 1
                """, org, org);
        return org;
    }

    private static void measure(ApiClient api, String what, String path) {
        for (int i = 0; i < 3; i++) {
            check(api.get(path), path);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            check(api.get(path), path);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf(
                "%-50s median %7.1f ms   p95 %7.1f ms   max %7.1f ms   (%d runs)%n",
                what, millis.get(RUNS / 2), millis.get((int) Math.ceil(RUNS * 0.95) - 1), millis.get(RUNS - 1), RUNS);
    }

    private static void check(HttpResponse<String> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
