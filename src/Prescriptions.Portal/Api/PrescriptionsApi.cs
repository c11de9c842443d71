using System.Net.Http.Json;
using System.Text.Json;

namespace Prescriptions.Portal.Api;

/// <summary>The API as the portal uses it; its HttpClient's base address is Portal:ApiBaseUrl and its handler adds the bearer token.</summary>
/// <remarks>Each screen's calls live in their own partial file (PrescriptionsApi.*.cs); failures throw <see cref="ApiProblemException"/>.</remarks>
public partial class PrescriptionsApi(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every line of the clinic's worklist, or only those needing attention, page after page.</summary>
    public virtual Task<IReadOnlyList<WorklistLine>> WorklistAsync(bool attentionOnly, CancellationToken cancellationToken = default) =>
        AllPagesAsync<WorklistLine>(ForClinic(attentionOnly ? "prescriptions?attention=true" : "prescriptions"), cancellationToken);

    /// <summary>The clinic's open alerts, every page.</summary>
    public virtual Task<IReadOnlyList<OpenAlert>> OpenAlertsAsync(CancellationToken cancellationToken = default) =>
        AllPagesAsync<OpenAlert>(ForClinic("alerts?status=open"), cancellationToken);

    public virtual async Task AcknowledgeAsync(string alertId, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"alerts/{Uri.EscapeDataString(alertId)}/acknowledge", content: null, cancellationToken);
        await ApiAnswers.EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>The first page of the clinic's patients whose names begin with the words of <paramref name="query"/>.</summary>
    public virtual Task<ApiPage<PatientSummary>> SearchPatientsAsync(string query, CancellationToken cancellationToken = default) =>
        FirstPageAsync<PatientSummary>(ForClinic($"patients?q={Uri.EscapeDataString(query)}&pageSize=50"), cancellationToken);

    private async Task<ApiPage<T>> FirstPageAsync<T>(string path, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<ApiPage<T>>(path, Json, cancellationToken) ?? throw new InvalidOperationException($"GET {path} answered no body.");

    private async Task<IReadOnlyList<T>> AllPagesAsync<T>(string path, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? continuation = null;
        do
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var url = continuation is null ? path : $"{path}{separator}continuationToken={Uri.EscapeDataString(continuation)}";
            var page = await http.GetFromJsonAsync<ApiPage<T>>(url, Json, cancellationToken)
                ?? throw new InvalidOperationException($"GET {path} answered no body.");
            items.AddRange(page.Items);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
        return items;
    }
}
