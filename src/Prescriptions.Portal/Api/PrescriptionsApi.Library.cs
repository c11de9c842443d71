using System.Net;
using System.Net.Http.Json;
using Prescriptions.Portal.Library;

namespace Prescriptions.Portal.Api;

/// <summary>The library's calls: the filtered list and one exercise.</summary>
public partial class PrescriptionsApi
{
    /// <summary>The first page of the library's exercises the filter keeps (all of them when it is empty).</summary>
    public virtual Task<ApiPage<ExerciseSummary>> ExercisesAsync(ExerciseFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return FirstPageAsync<ExerciseSummary>(filter.Path(), cancellationToken);
    }

    /// <summary>GET /api/exercises/{exerciseId}; null when the library has no such exercise (404).</summary>
    public virtual async Task<ExerciseDetails?> ExerciseAsync(string exerciseId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"exercises/{Uri.EscapeDataString(exerciseId)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await ApiAnswers.EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<ExerciseDetails>(Json, cancellationToken)
            ?? throw new InvalidOperationException($"GET exercises/{exerciseId} answered no body.");
    }
}
