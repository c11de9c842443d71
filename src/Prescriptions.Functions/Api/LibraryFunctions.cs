using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Prescriptions.Application.Library;
using Prescriptions.Domain.Library;
using Prescriptions.Functions.Http;

namespace Prescriptions.Functions.Api;

/// <summary>Read-only routes over the library version in force: summary, exercises, conditions.</summary>
public sealed class LibraryFunctions(ApiHandler api, ILibraryProvider libraries, LibraryPublisher publisher)
{
    /// <summary>A whole library is the largest body the API takes.</summary>
    private const int MaxLibraryBytes = 16 * 1024 * 1024;

    [Function("GetLibrary")]
    public Task<IActionResult> GetLibrary(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "library")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.LibraryReaders, async call =>
        {
            var library = await libraries.GetCurrentAsync(call.CancellationToken);
            return ApiResult.Json(new
            {
                version = library.Version,
                publishedAt = library.PublishedAt,
                exerciseCount = library.Exercises.Count,
                conditionCount = library.Conditions.Count,
            });
        }, cancellationToken);

    [Function("PublishLibraryVersion")]
    public Task<IActionResult> PublishVersion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "library/versions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.LibraryEditors, async call =>
        {
            var content = await call.ReadJsonAsync<LibraryContent>(MaxLibraryBytes);
            var current = (await publisher.PublishAsync(content, call.CancellationToken)).AsOutcome().OrThrow();
            libraries.Invalidate();
            return ApiResult.Json(new
            {
                version = current.Version,
                publishedAt = current.PublishedAt,
                exerciseCount = current.ExerciseCount,
                conditionCount = current.ConditionCount,
            }, StatusCodes.Status201Created, new Dictionary<string, string> { ["Location"] = "/api/library" });
        }, cancellationToken);

    [Function("ListExercises")]
    public Task<IActionResult> ListExercises(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "exercises")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.LibraryReaders, async call =>
        {
            var query = ExerciseQueryOf(call);
            var language = ExerciseLanguageAnswers.Requested(call);
            var library = await libraries.GetCurrentAsync(call.CancellationToken);
            if (query.ConditionId is not null && library.FindCondition(query.ConditionId) is null)
            {
                throw new ApiProblemException(Problems.Validation("conditionId", $"'{query.ConditionId}' is not a condition of library {library.Version}"));
            }

            var page = OffsetPaging.Paginate(query.Run(library), call);
            var items = page.Items.Select(exercise => ExerciseLanguageAnswers.Served(exercise, language)).ToArray();
            return ApiResult.Json(new Page<JsonObject>(items, page.ContinuationToken), headers: ExerciseLanguageAnswers.ContentLanguage(items));
        }, cancellationToken);

    [Function("GetExercise")]
    public Task<IActionResult> GetExercise(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "exercises/{exerciseId}")] HttpRequest request,
        string exerciseId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.LibraryReaders, async call =>
        {
            var language = ExerciseLanguageAnswers.Requested(call);
            var library = await libraries.GetCurrentAsync(call.CancellationToken);
            return library.FindExercise(exerciseId) is { } exercise && ExerciseLanguageAnswers.Served(exercise, language) is var served
                ? ApiResult.Json(served, headers: ExerciseLanguageAnswers.ContentLanguage([served]))
                : throw new ApiProblemException(Problems.NotFound($"No exercise '{exerciseId}' in library {library.Version}."));
        }, cancellationToken);

    [Function("ListConditions")]
    public Task<IActionResult> ListConditions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "conditions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.LibraryReaders, async call =>
        {
            var library = await libraries.GetCurrentAsync(call.CancellationToken);
            return ApiResult.Json(OffsetPaging.Paginate(library.Conditions.Select(Summary), call));
        }, cancellationToken);

    [Function("GetCondition")]
    public Task<IActionResult> GetCondition(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "conditions/{conditionId}")] HttpRequest request,
        string conditionId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, ApiAccess.LibraryReaders, async call =>
        {
            var library = await libraries.GetCurrentAsync(call.CancellationToken);
            return library.FindCondition(conditionId) is { } condition
                ? ApiResult.Json(condition)
                : throw new ApiProblemException(Problems.NotFound($"No condition '{conditionId}' in library {library.Version}."));
        }, cancellationToken);

    private static ExerciseQuery ExerciseQueryOf(ApiRequest call) => new()
    {
        Text = call.Query("q"),
        Category = QueryValues.Enum<ExerciseCategory>(call, "category"),
        BodyRegion = QueryValues.Enum<BodyRegion>(call, "bodyRegion"),
        Equipment = QueryValues.Enum<Equipment>(call, "equipment"),
        ConditionId = call.Query("conditionId") is { Length: > 0 } conditionId ? conditionId : null,
        Phase = QueryValues.WholeNumber(call, "phase", 1, 4),
        MaxDifficulty = QueryValues.WholeNumber(call, "maxDifficulty", 1, 5),
    };

    /// <summary>A condition as the list shows it: what it is, and its phases without their slots.</summary>
    private static object Summary(Condition condition) => new
    {
        condition.Id,
        condition.Name,
        condition.Summary,
        condition.Icd10Codes,
        condition.SnomedCode,
        condition.Guideline,
        condition.BodyRegions,
        phases = condition.Phases.Select(phase => new { phase.Number, phase.Name, phase.MinDays }),
    };
}
