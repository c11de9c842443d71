namespace Prescriptions.Portal.Library;

/// <summary>What the library list asks GET /api/exercises for: a search word, a category, a body region (each optional; they combine).</summary>
public sealed record ExerciseFilter(string Query = "", string? Category = null, string? BodyRegion = null)
{
    /// <summary>The categories and body regions the API takes (openapi.json's ExerciseCategory and BodyRegion), in its order.</summary>
    public static readonly IReadOnlyList<string> Categories =
        ["balance", "proprioception", "coreControl", "motorControl", "coordination", "strength", "rangeOfMotion", "flexibility", "functional", "gait", "plyometric", "aerobic", "manualTherapy"];

    public static readonly IReadOnlyList<string> BodyRegions =
        ["foot", "ankle", "knee", "hip", "lumbarSpine", "thoracicSpine", "cervicalSpine", "core", "shoulder", "elbow", "wrist", "hand", "wholeBody"];

    public bool IsEmpty => Query.Trim().Length == 0 && Category is null or "" && BodyRegion is null or "";

    /// <summary>The list's path with only the parameters set: "exercises?q=heel&amp;category=strength&amp;bodyRegion=ankle&amp;pageSize=100".</summary>
    public string Path()
    {
        var parameters = new List<string>();
        if (Query.Trim() is { Length: > 0 } words)
        {
            parameters.Add($"q={Uri.EscapeDataString(words)}");
        }

        if (Category is { Length: > 0 } category)
        {
            parameters.Add($"category={Uri.EscapeDataString(category)}");
        }

        if (BodyRegion is { Length: > 0 } region)
        {
            parameters.Add($"bodyRegion={Uri.EscapeDataString(region)}");
        }

        parameters.Add("pageSize=100");
        return "exercises?" + string.Join('&', parameters);
    }
}
