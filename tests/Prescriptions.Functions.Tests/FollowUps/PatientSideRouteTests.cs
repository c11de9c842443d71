using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Prescriptions.Application.FollowUps;
using Prescriptions.Functions.Tests.Handouts;
using Prescriptions.Testing;

namespace Prescriptions.Functions.Tests.FollowUps;

/// <summary>
/// Issue 18 over HTTP, as a patient meets it: the start date honoured, the last week's days offered, sessions per day
/// counted, messages in sentences, the truthful 410, and the welcome, programme, check-in and handout in the patient's language.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class PatientSideRouteTests(ApiFixture fixture)
{
    /// <summary>Sunday 29 November 2026, 10:00 UTC (11:00 in Berlin).</summary>
    private static readonly DateTimeOffset Sunday29th = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A phase-2 ankle programme for four weeks with a follow-up; the optional members only when given.</summary>
    private static Dictionary<string, object> Request(string patientId, string? startDate = null, string? language = null, int checkInEveryDays = 7, object[]? items = null)
    {
        var followUp = new Dictionary<string, object> { ["email"] = $"{patientId}@example.org", ["timeZone"] = "Europe/Berlin", ["reminderTime"] = "18:00", ["checkInEveryDays"] = checkInEveryDays, ["firstName"] = "Ana" };
        var request = new Dictionary<string, object>
        {
            ["patientId"] = patientId,
            ["conditionId"] = "lateral-ankle-sprain",
            ["phase"] = 2,
            ["side"] = "left",
            ["constraints"] = new { weightBearing = "partial", equipment = new[] { "band", "chair" }, maxMinutesPerSession = 20, maxExercises = 4 },
            ["weeks"] = 4,
            ["followUp"] = followUp,
        };
        if (language is not null)
        {
            followUp["preferredLanguage"] = language;
        }

        if (startDate is not null)
        {
            request["startDate"] = startDate;
        }

        if (items is not null)
        {
            request["items"] = items;
        }

        return request;
    }

    private static Dictionary<string, object> Answer(string? date = null, int sessions = 1)
    {
        var answer = new Dictionary<string, object> { ["completedSessions"] = sessions, ["painNow"] = 2, ["painDuringExercise"] = 3, ["difficulty"] = "ok" };
        if (date is not null)
        {
            answer["date"] = date;
        }

        return answer;
    }

    private static string Token(FollowUpHost host, string id) => host.Api.Services.GetRequiredService<CheckInLinks>().Issue("clinic-a", id, host.Clock?.GetUtcNow() ?? DateTimeOffset.UtcNow);

    private static async Task<(HttpResponseMessage Response, string Html)> PageAsync(FollowUpHost host, string path)
    {
        var response = await host.Api.Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_programme_activated_before_its_start_date_starts_on_that_date()
    {
        await using var host = await FollowUpHost.StartAsync(fixture.Azurite.ConnectionString, Sunday29th);
        var (id, _) = await host.CreateAndActivateAsync(Request("p-later", startDate: "2026-12-07"));
        var token = Token(host, id);

        // The phase starts at midnight of 7 December in Berlin, not at activation.
        var prescription = await host.GetAsync($"/api/prescriptions/{id}");
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 23, 0, 0, TimeSpan.Zero), prescription.GetProperty("phaseStartedAt").GetDateTimeOffset());
        Assert.Equal(0, (await host.GetAsync($"/api/prescriptions/{id}/readiness")).GetProperty("daysInPhase").GetInt32());

        // The page shows the programme and says when check-ins open; it offers no day.
        var (page, html) = await PageAsync(host, $"/api/checkin/{token}");
        using (page)
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Your programme starts on 7 December 2026. You can tell us how it is going from that day.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
            Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        }

        // A check-in before the start is refused in words a patient reads, and nothing is stored.
        using var early = await host.Api.SendAsync(HttpMethod.Post, $"/api/checkin/{token}", json: Answer());
        var problem = await early.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Your programme starts on 7 December 2026. You can tell us how it is going from that day.", problem.GetProperty("errors").GetProperty("date")[0].GetString());
        Assert.Empty((await host.GetAsync($"/api/prescriptions/{id}/checkins")).GetProperty("checkIns").EnumerateArray());

        // From the start the page offers the days from the start only.
        host.Clock!.SetUtcNow(new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero));
        var (started, startedHtml) = await PageAsync(host, $"/api/checkin/{token}");
        using (started)
        {
            Assert.Equal(["2026-12-08", "2026-12-07"], DayOptions(startedHtml));
        }

        using var first = await host.Api.SendAsync(HttpMethod.Post, $"/api/checkin/{token}", json: Answer("2026-12-07"));
        await first.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, (await host.GetAsync($"/api/prescriptions/{id}/readiness")).GetProperty("daysInPhase").GetInt32());
    }

    [Fact]
    public async Task The_day_picker_offers_the_last_seven_days_not_yet_reported_and_refuses_older_ones()
    {
        await using var host = await FollowUpHost.StartAsync(fixture.Azurite.ConnectionString, Sunday29th.AddDays(-20));
        var (id, _) = await host.CreateAndActivateAsync(Request("p-week"));
        host.Clock!.SetUtcNow(Sunday29th);
        var token = Token(host, id);
        using (var reported = await host.Api.SendAsync(HttpMethod.Post, $"/api/checkin/{token}", json: Answer("2026-11-27")))
        {
            await reported.JsonAsync(HttpStatusCode.Created);
        }

        var (page, html) = await PageAsync(host, $"/api/checkin/{token}");
        using (page)
        {
            Assert.Equal(["2026-11-29", "2026-11-28", "2026-11-26", "2026-11-25", "2026-11-24", "2026-11-23"], DayOptions(html));
            Assert.Contains(" checked>Today, Sunday 29 November</label>", html, StringComparison.Ordinal);
            Assert.Contains(">Yesterday, Saturday 28 November</label>", html, StringComparison.Ordinal);
        }

        using var yesterday = await host.Api.SendAsync(HttpMethod.Post, $"/api/checkin/{token}", json: Answer("2026-11-28"));
        await yesterday.JsonAsync(HttpStatusCode.Created);
        using var tooOld = await host.Api.SendAsync(HttpMethod.Post, $"/api/checkin/{token}", json: Answer("2026-11-22"));
        var problem = await tooOld.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Please choose a day from 23 November 2026 to today.", problem.GetProperty("errors").GetProperty("date")[0].GetString());
    }

    [Fact]
    public async Task Adherence_counts_each_session_of_a_twice_a_day_programme_and_readiness_says_why_it_waits()
    {
        await using var host = await FollowUpHost.StartAsync(fixture.Azurite.ConnectionString, Sunday29th);
        var (id, _) = await host.CreateAndActivateAsync(Request("p-twice-a-day",
            items: [new { exerciseId = "seated-ankle-alphabet", dose = new { sets = 1, reps = 2, sessionsPerDay = 2, daysPerWeek = 7 } }]));
        using (var checkIn = await host.Api.SendAsync(HttpMethod.Post, $"/api/checkin/{Token(host, id)}", json: Answer(sessions: 1)))
        {
            await checkIn.JsonAsync(HttpStatusCode.Created);
        }

        var adherence = (await host.GetAsync($"/api/prescriptions/{id}/checkins")).GetProperty("adherence");
        Assert.Equal((1, 2, 50), (adherence.GetProperty("doneSessions").GetInt32(), adherence.GetProperty("prescribedSessions").GetInt32(), adherence.GetProperty("percent").GetInt32()));

        host.Clock!.SetUtcNow(Sunday29th.AddDays(4));
        var criteria = (await host.GetAsync($"/api/prescriptions/{id}/readiness")).GetProperty("criteria").EnumerateArray();
        var adherenceCriterion = Assert.Single(criteria, c => c.GetProperty("criterion").GetProperty("measure").GetString() == "adherencePercent");
        Assert.Equal("Adherence is judged after two weeks of the programme; 5 days so far.", adherenceCriterion.GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task An_empty_check_in_form_is_answered_in_whole_sentences_without_code_names()
    {
        await using var host = await FollowUpHost.StartAsync(fixture.Azurite.ConnectionString, Sunday29th);
        var (id, _) = await host.CreateAndActivateAsync(Request("p-empty"));

        using var form = await host.Api.Client.PostAsync(new Uri($"/api/checkin/{Token(host, id)}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>()));
        var html = WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("Please write how many times you did your exercises, as a number from 0 to 21.", html, StringComparison.Ordinal);
        Assert.Contains("Please choose how much pain you have now, from 0 to 10.", html, StringComparison.Ordinal);
        Assert.Contains("Please choose how much pain you had during the exercises, from 0 to 10.", html, StringComparison.Ordinal);
        Assert.Contains("Please choose how the exercises felt.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tooEasy or", html, StringComparison.Ordinal);
        Assert.DoesNotContain("must be", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_opens_the_programme_first_with_the_check_in_one_tap_away()
    {
        await using var host = await FollowUpHost.StartAsync(fixture.Azurite.ConnectionString, Sunday29th);
        var (id, _) = await host.CreateAndActivateAsync(Request("p-first",
            items: [new { exerciseId = "seated-ankle-alphabet", notes = "Before breakfast.", dose = new { sets = 1, reps = 2, sessionsPerDay = 2, daysPerWeek = 7 } }]));

        var (page, html) = await PageAsync(host, $"/api/checkin/{Token(host, id)}");
        using (page)
        {
            var text = WebUtility.HtmlDecode(html);
            var exercise = text.IndexOf("<h3>Seated ankle alphabet</h3>", StringComparison.Ordinal);
            var checkIn = text.IndexOf("id=\"checkin\"", StringComparison.Ordinal);
            Assert.InRange(exercise, 0, checkIn);
            Assert.True(text.IndexOf("href=\"#checkin\"", StringComparison.Ordinal) < exercise, "the check-in is one tap away from the top");
            Assert.Contains("How much: 1 set of 2, twice a day, every day.", text, StringComparison.Ordinal);
            Assert.Contains("From your physiotherapist: Before breakfast.", text, StringComparison.Ordinal);
            Assert.Contains("<h4>Steps</h4><ol>", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task After_a_cancel_the_410_page_tells_the_truth()
    {
        await using var host = await FollowUpHost.StartAsync(fixture.Azurite.ConnectionString, Sunday29th);
        var (id, etag) = await host.CreateAndActivateAsync(Request("p-cancel"));
        await host.ChangeAsync(id, "cancel", etag);

        var (page, html) = await PageAsync(host, $"/api/checkin/{Token(host, id)}");
        using (page)
        {
            Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
            Assert.Contains("This programme has ended", html, StringComparison.Ordinal);
            Assert.DoesNotContain("next email", html, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string[]> Languages => new()
    {
        // The welcome's subject, the programme's heading, the check-in's heading, the thanks, the handout's title.
        { "es", ["Su programa de ejercicios en casa está listo", "Sus ejercicios", "¿Cómo le va?", "Hemos recibido su registro del 29 de noviembre de 2026.", "Sus ejercicios en casa", "una vez por semana"] },
        { "de", ["Ihr Übungsprogramm für zu Hause ist bereit", "Ihre Übungen", "Wie läuft es?", "Wir haben Ihre Rückmeldung für 29. November 2026 erhalten.", "Ihre Übungen für zu Hause", "Einmal pro Woche"] },
        { "fr", ["Votre programme d'exercices à la maison est prêt", "Vos exercices", "Comment ça se passe\u00a0?", "Nous avons reçu votre suivi du 29 novembre 2026.", "Vos exercices à la maison", "Une fois par semaine"] },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_patient_gets_the_welcome_the_programme_the_check_in_and_the_handout_in_their_language(string language, string[] words)
    {
        await using var host = await FollowUpHost.StartAsync(fixture.Azurite.ConnectionString, Sunday29th);
        var (id, _) = await host.CreateAndActivateAsync(Request($"p-{language}", language: language));

        await host.SweepAsync();
        var welcome = Assert.Single(host.Email!.Sent, s => s.Message.Subject == words[0]).Message;
        Assert.Equal(language, welcome.Language);
        Assert.Contains(words[5], welcome.TextBody, StringComparison.OrdinalIgnoreCase);
        var link = new Uri(LinkInEmail().Match(welcome.TextBody).Value);

        var (page, html) = await PageAsync(host, link.PathAndQuery);
        using (page)
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(language, page.Content.Headers.ContentLanguage.Single());
            Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
            Assert.Contains($"<h2>{WebUtility.HtmlEncode(words[1])}</h2>", html, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(words[2]), html, StringComparison.Ordinal);
            await AssertExerciseTextsAsync(host, id, language, html);
        }

        using var sent = await host.Api.Client.PostAsync(new Uri(link.PathAndQuery, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["date"] = "2026-11-29", ["completedSessions"] = "1", ["painNow"] = "2", ["painDuringExercise"] = "3", ["difficulty"] = "ok",
        }));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(language, sent.Content.Headers.ContentLanguage.Single());
        Assert.Contains(words[3], WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var handout = await host.Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}/handout", host.Token());
        Assert.Equal(HttpStatusCode.OK, handout.StatusCode);
        var pdf = PdfPages.Read(await handout.Content.ReadAsByteArrayAsync());
        Assert.True(pdf.Contains(words[4]), $"the handout's title in {language}");
    }

    /// <summary>
    /// Each exercise's name and steps in the library's wording for the language (every exercise ships Spanish); where the
    /// library has no translation, the English texts are marked <c>lang="en"</c> inside the page's language.
    /// </summary>
    private static async Task AssertExerciseTextsAsync(FollowUpHost host, string id, string language, string html)
    {
        using var read = await host.Api.SendAsync(HttpMethod.Get, $"/api/prescriptions/{id}", host.Token());
        using var prescription = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        var homeItems = prescription.RootElement.GetProperty("items").EnumerateArray()
            .Where(item => !item.TryGetProperty("delivery", out var delivery) || delivery.GetString() == "home")
            .Select(item => item.GetProperty("exerciseId").GetString()!)
            .ToList();
        Assert.NotEmpty(homeItems);
        foreach (var exerciseId in homeItems)
        {
            var exercise = ShippedLibrary.Indexed.FindExercise(exerciseId)!;
            var wording = exercise.WordingIn(language);
            var translated = exercise.LanguageIn(language) == language;
            Assert.True(translated || language != "es", $"{exerciseId} has no Spanish");
            var marked = translated ? string.Empty : " lang=\"en\"";
            Assert.Contains($"<h3{marked}>{WebUtility.HtmlEncode(wording.Name)}</h3>", html, StringComparison.Ordinal);
            Assert.Contains($"<li>{WebUtility.HtmlEncode(wording.Instructions[0])}</li>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_opt_out_and_expired_pages_speak_the_patients_language()
    {
        await using var host = await FollowUpHost.StartAsync(fixture.Azurite.ConnectionString, Sunday29th);
        var (id, _) = await host.CreateAndActivateAsync(Request("p-es-pages", language: "es"));
        var links = host.Api.Services.GetRequiredService<CheckInLinks>();

        var (ask, askHtml) = await PageAsync(host, $"/api/checkin/{links.Issue("clinic-a", id, Sunday29th)}/optout");
        using (ask)
        {
            Assert.Equal("es", ask.Content.Headers.ContentLanguage.Single());
            Assert.Contains("¿Dejar de recibir los correos?", WebUtility.HtmlDecode(askHtml), StringComparison.Ordinal);
        }

        var (expired, expiredHtml) = await PageAsync(host, $"/api/checkin/{links.Issue("clinic-a", id, Sunday29th.AddDays(-90))}");
        using (expired)
        {
            Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
            Assert.Contains("Este enlace ha caducado", WebUtility.HtmlDecode(expiredHtml), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_follow_up_language_that_is_not_a_language_tag_is_refused_naming_the_field()
    {
        await using var host = await FollowUpHost.StartAsync(fixture.Azurite.ConnectionString, Sunday29th);

        using var created = await host.Api.SendAsync(HttpMethod.Post, "/api/prescriptions", host.Token(), Request("p-bad-language", language: "spanish please"));

        var problem = await created.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("followUp.preferredLanguage", out _));
    }

    private static string[] DayOptions(string html) => [.. DayOption().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<input type=\"radio\" name=\"date\" value=\"([0-9-]+)\"")]
    private static partial Regex DayOption();

    [GeneratedRegex(@"https?://\S+/api/checkin/[^\s#]+")]
    private static partial Regex LinkInEmail();
}
