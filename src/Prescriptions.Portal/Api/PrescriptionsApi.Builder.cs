using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prescriptions.Portal.Api;

/// <summary>The program builder's and the program view's calls.</summary>
public partial class PrescriptionsApi
{
    /// <summary>What the builder sends: members it has no value for are left out (an absent equipment list is "not limited").</summary>
    private static readonly JsonSerializerOptions SendJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Every condition of the library, page after page (the builder searches them by name or ICD-10 code).</summary>
    public virtual Task<IReadOnlyList<ConditionListing>> ConditionsAsync(CancellationToken cancellationToken = default) =>
        AllPagesAsync<ConditionListing>("conditions?pageSize=100", cancellationToken);

    public virtual async Task<ConditionProtocol> ConditionAsync(string conditionId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"conditions/{Uri.EscapeDataString(conditionId)}", cancellationToken);
        return await ReadAsync<ConditionProtocol>(response, cancellationToken);
    }

    public virtual async Task<AssembledProgram> PreviewAsync(ProgramRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("prescriptions/preview", request, SendJson, cancellationToken);
        return await ReadAsync<AssembledProgram>(response, cancellationToken);
    }

    /// <summary>The safe swaps for a slot of the program the request assembles.</summary>
    public virtual async Task<SwapOptions> PreviewSwapsAsync(ProgramRequest request, int slot, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("prescriptions/preview/alternatives", new SlotSwapRequest(request, slot), SendJson, cancellationToken);
        return await ReadAsync<SwapOptions>(response, cancellationToken);
    }

    /// <summary>The safe swaps for an item of a saved program.</summary>
    public virtual async Task<SwapOptions> StoredSwapsAsync(string prescriptionId, string exerciseId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"prescriptions/{Uri.EscapeDataString(prescriptionId)}/items/{Uri.EscapeDataString(exerciseId)}/alternatives", cancellationToken);
        return await ReadAsync<SwapOptions>(response, cancellationToken);
    }

    /// <summary>Every exercise of the library judged under the request's limits, with the reasons a refused one may not be added.</summary>
    public virtual async Task<LibraryChoices> LibraryChoicesAsync(ProgramRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("prescriptions/preview/eligibility", request, SendJson, cancellationToken);
        return await ReadAsync<LibraryChoices>(response, cancellationToken);
    }

    public virtual async Task<VersionedProgram> ProgramAsync(string prescriptionId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"prescriptions/{Uri.EscapeDataString(prescriptionId)}", cancellationToken);
        return await ReadVersionedAsync(response, cancellationToken);
    }

    /// <summary>Stores a new draft (POST /api/prescriptions) with the builder's items, or, when null, the program the engine assembles for the request.</summary>
    public virtual async Task<VersionedProgram> SaveNewDraftAsync(ProgramRequest request, IReadOnlyList<ItemChoice>? items, FollowUpContact? followUp, CancellationToken cancellationToken = default)
    {
        // A therapist of several clinics creates in the clinic the portal acts for (one clinic: the API knows it).
        var body = new NewDraftRequest(ClinicId, request.PatientId, request.ConditionId, request.Phase, request.Side, request.SurgeryDate, request.InjuryDate, request.Constraints, items, followUp);
        using var response = await http.PostAsJsonAsync("prescriptions", body, SendJson, cancellationToken);
        return await ReadVersionedAsync(response, cancellationToken);
    }

    /// <summary>Replaces a saved draft's items, limits and follow-up (PUT with If-Match: a 412 when someone changed it meanwhile).</summary>
    public virtual async Task<VersionedProgram> ReplaceDraftAsync(string prescriptionId, string etag, DraftReplacement replacement, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Put, $"prescriptions/{Uri.EscapeDataString(prescriptionId)}")
        {
            Content = JsonContent.Create(replacement, options: SendJson),
        };
        message.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        using var response = await http.SendAsync(message, cancellationToken);
        return await ReadVersionedAsync(response, cancellationToken);
    }

    public virtual Task<VersionedProgram> ActivateAsync(string prescriptionId, string etag, CancellationToken cancellationToken = default) =>
        PostMatchingAsync($"prescriptions/{Uri.EscapeDataString(prescriptionId)}/activate", etag, cancellationToken);

    /// <summary>Steps an item of an active program to the next harder (<paramref name="direction"/> "progress") or easier ("regress") exercise of its chain.</summary>
    public virtual Task<VersionedProgram> StepItemAsync(string prescriptionId, string exerciseId, string direction, string etag, CancellationToken cancellationToken = default) =>
        PostMatchingAsync($"prescriptions/{Uri.EscapeDataString(prescriptionId)}/items/{Uri.EscapeDataString(exerciseId)}/{direction}", etag, cancellationToken);

    /// <summary>The patient's handout as PDF bytes, fetched with the bearer token (a plain link would carry none).</summary>
    public virtual async Task<byte[]> HandoutAsync(string prescriptionId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"prescriptions/{Uri.EscapeDataString(prescriptionId)}/handout", cancellationToken);
        await ApiAnswers.EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private async Task<VersionedProgram> PostMatchingAsync(string path, string etag, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path);
        message.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        using var response = await http.SendAsync(message, cancellationToken);
        return await ReadVersionedAsync(response, cancellationToken);
    }

    private static async Task<VersionedProgram> ReadVersionedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var program = await ReadAsync<StoredProgram>(response, cancellationToken);
        var etag = response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The API answered a program without its ETag.");
        return new VersionedProgram(program, etag);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await ApiAnswers.EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered no body.");
    }

    /// <summary>The alternatives route's body: the preview's request and the slot.</summary>
    private sealed record SlotSwapRequest(string PatientId, string ConditionId, int Phase, string? Side, DateOnly? SurgeryDate, DateOnly? InjuryDate, ProgramLimits Constraints, int Slot)
    {
        public SlotSwapRequest(ProgramRequest request, int slot)
            : this(request.PatientId, request.ConditionId, request.Phase, request.Side, request.SurgeryDate, request.InjuryDate, request.Constraints, slot)
        {
        }
    }

    /// <summary>POST /api/prescriptions's body as the builder sends it.</summary>
    private sealed record NewDraftRequest(
        string? ClinicId, string PatientId, string ConditionId, int Phase, string? Side, DateOnly? SurgeryDate, DateOnly? InjuryDate,
        ProgramLimits Constraints, IReadOnlyList<ItemChoice>? Items, FollowUpContact? FollowUp);
}
