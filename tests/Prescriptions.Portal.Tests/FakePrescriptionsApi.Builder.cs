using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Tests;

/// <summary>The program builder's API as a test sets it: the library's answers, the stored drafts, and every call the builder made.</summary>
internal sealed partial class FakePrescriptionsApi
{
    public List<ConditionListing> Conditions { get; } = [];

    public Dictionary<string, ConditionProtocol> Protocols { get; } = [];

    public AssembledProgram? Assembled { get; set; }

    public List<ProgramRequest> Previews { get; } = [];

    /// <summary>The safe swaps by slot, for a preview's item.</summary>
    public Dictionary<int, SwapOptions> Swaps { get; } = [];

    public LibraryChoices? Choices { get; set; }

    /// <summary>The stored programs by id, as GET answers them now.</summary>
    public Dictionary<string, VersionedProgram> Stored { get; } = [];

    /// <summary>Each new draft's request, items (null: the engine's) and follow-up.</summary>
    public List<(ProgramRequest Request, IReadOnlyList<ItemChoice>? Items, FollowUpContact? FollowUp)> Created { get; } = [];

    public List<(string Id, string ETag, DraftReplacement Replacement)> Replaced { get; } = [];

    public List<(string Id, string ETag)> Activated { get; } = [];

    public List<(string Id, string ExerciseId, string Direction, string ETag)> Steps { get; } = [];

    public List<string> Handouts { get; } = [];

    public int Reads { get; private set; }

    /// <summary>The refusal the next preview, save or activation answers with, once.</summary>
    public ApiProblem? NextRefusal { get; set; }

    public override Task<IReadOnlyList<ConditionListing>> ConditionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ConditionListing>>([.. Conditions]);

    public override Task<ConditionProtocol> ConditionAsync(string conditionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Protocols[conditionId]);

    public override Task<AssembledProgram> PreviewAsync(ProgramRequest request, CancellationToken cancellationToken = default)
    {
        Refuse();
        Previews.Add(request);
        return Task.FromResult(Assembled!);
    }

    public override Task<SwapOptions> PreviewSwapsAsync(ProgramRequest request, int slot, CancellationToken cancellationToken = default) =>
        Task.FromResult(Swaps[slot]);

    public override Task<SwapOptions> StoredSwapsAsync(string prescriptionId, string exerciseId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Swaps.Values.First(options => options.ReplacingExerciseId == exerciseId));

    public override Task<LibraryChoices> LibraryChoicesAsync(ProgramRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Choices!);

    public override Task<VersionedProgram> ProgramAsync(string prescriptionId, CancellationToken cancellationToken = default)
    {
        Reads++;
        return Task.FromResult(Stored[prescriptionId]);
    }

    public override Task<VersionedProgram> SaveNewDraftAsync(ProgramRequest request, IReadOnlyList<ItemChoice>? items, FollowUpContact? followUp, CancellationToken cancellationToken = default)
    {
        Refuse();
        Created.Add((request, items, followUp));
        var stored = items ?? [.. Assembled!.Items.Select(item => new ItemChoice(item.ExerciseId, item.Dose, item.Notes))];
        var program = StoredProgramOf("rx-1", request, stored, followUp, version: 1);
        return Task.FromResult(Stored["rx-1"] = new VersionedProgram(program, "\"v1\""));
    }

    public override Task<VersionedProgram> ReplaceDraftAsync(string prescriptionId, string etag, DraftReplacement replacement, CancellationToken cancellationToken = default)
    {
        Refuse();
        Replaced.Add((prescriptionId, etag, replacement));
        var before = Stored[prescriptionId];
        if (before.ETag != etag)
        {
            throw new ApiProblemException(new ApiProblem(null, "The prescription changed since you read it.", 412, "If-Match is not the current ETag.", null));
        }

        var version = before.Program.Version + 1;
        var program = before.Program with { Items = [.. replacement.Items.Select(Item)], FollowUp = replacement.FollowUp, Version = version };
        return Task.FromResult(Stored[prescriptionId] = new VersionedProgram(program, $"\"v{version}\""));
    }

    public override Task<VersionedProgram> ActivateAsync(string prescriptionId, string etag, CancellationToken cancellationToken = default)
    {
        Refuse();
        Activated.Add((prescriptionId, etag));
        var before = Stored[prescriptionId];
        var version = before.Program.Version + 1;
        return Task.FromResult(Stored[prescriptionId] = new VersionedProgram(before.Program with { Status = "active", Version = version }, $"\"v{version}\""));
    }

    public override Task<VersionedProgram> StepItemAsync(string prescriptionId, string exerciseId, string direction, string etag, CancellationToken cancellationToken = default)
    {
        Steps.Add((prescriptionId, exerciseId, direction, etag));
        var before = Stored[prescriptionId];
        var items = before.Program.Items.Select(item => item.ExerciseId == exerciseId ? item with { ExerciseId = $"{exerciseId}-{direction}", Name = $"{item.Name} ({direction}ed)" } : item);
        var version = before.Program.Version + 1;
        return Task.FromResult(Stored[prescriptionId] = new VersionedProgram(before.Program with { Items = [.. items], Version = version }, $"\"v{version}\""));
    }

    public override Task<byte[]> HandoutAsync(string prescriptionId, CancellationToken cancellationToken = default)
    {
        Handouts.Add(prescriptionId);
        return Task.FromResult("%PDF-1.7"u8.ToArray());
    }

    private void Refuse()
    {
        if (NextRefusal is { } refusal)
        {
            NextRefusal = null;
            throw new ApiProblemException(refusal);
        }
    }

    private static ProgramItem Item(ItemChoice choice) =>
        new(choice.ExerciseId, choice.ExerciseId, "strength", choice.Dose, "Stored.", "home", choice.Notes, null, "therapist");

    public static StoredProgram StoredProgramOf(string id, ProgramRequest request, IReadOnlyList<ItemChoice> items, FollowUpContact? followUp, int version, string status = "draft") =>
        new(id, request.PatientId, request.ConditionId, request.Phase, request.Side, status, request.Constraints with { MaxExercises = request.Constraints.MaxExercises ?? 5 },
            [.. items.Select(Item)], [], [], 10, followUp, null, null, request.SurgeryDate, request.InjuryDate, version);

    public static ProgramItem ProgramItemOf(string exerciseId, string name, int slot, int reps = 12) =>
        new(exerciseId, name, "strength", new Dose { Sets = 3, Reps = reps, DaysPerWeek = 3 }, $"Fills slot {slot}: {name} trains the ankle.", "home", null, slot, "engine");
}
