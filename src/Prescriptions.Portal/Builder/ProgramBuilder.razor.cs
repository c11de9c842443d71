using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.WebAssembly.Authentication;
using Microsoft.JSInterop;
using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Builder;

/// <summary>The builder's state and its calls; every refusal of the API lands in <see cref="problem"/>, shown next to its field.</summary>
public sealed partial class ProgramBuilder
{
    /// <summary>The fields the builder shows a <see cref="Problems.FieldProblem"/> for (items[i] inside "items").</summary>
    private static readonly string[] ShownFields =
    [
        "conditionId", "phase", "side", "surgeryDate", "injuryDate", "constraints.weightBearing", "constraints.maxMinutesPerSession",
        "constraints.maxExercises", "constraints.equipment", "constraints.precautions", "constraints.romLimits",
        "constraints.excludeExerciseIds", "items", "followUp.email", "followUp.timeZone", "followUp.reminderTime", "followUp.checkInEveryDays",
    ];

    private readonly ProgramEdit edit = new();
    private readonly HashSet<string> equipment = new(StringComparer.Ordinal);
    private readonly HashSet<string> precautions = new(StringComparer.Ordinal);
    private readonly List<RomCapInput> romCaps = [];
    private readonly List<string> exclusions = [];

    /// <summary>The names of the exercises excluded here, so the list says them after the library list is gone.</summary>
    private readonly Dictionary<string, string> excludedNames = new(StringComparer.Ordinal);

    private IReadOnlyList<ConditionListing>? conditions;
    private IReadOnlyList<ConditionListing> matching = [];
    private string conditionQuery = string.Empty;
    private string conditionId = string.Empty;
    private ConditionProtocol? protocol;
    private int? phase;
    private string side = string.Empty;
    private DateOnly? surgeryDate;
    private DateOnly? injuryDate;
    private string weightBearing = string.Empty;
    private int? maxMinutes;
    private int? maxExercises;
    private bool limitEquipment;

    private AssembledProgram? preview;
    private IReadOnlyList<string> warnings = [];
    private int? estimatedMinutes;
    private int? swapping;
    private SwapOptions? swaps;
    private int? dosing;
    private DoseInput? doseInput;
    private LibraryChoices? choices;
    private string libraryFilter = string.Empty;

    private bool activating;
    private string followUpEmail = string.Empty;
    private string followUpZone = string.Empty;
    private string followUpTime = "18:00";
    private int followUpEvery = 7;

    private VersionedProgram? current;
    private string? loadedETag;
    private bool busy;
    private string? status;
    private ApiProblem? problem;

    /// <summary>The patient the program is for.</summary>
    [Parameter, EditorRequired] public string PatientId { get; set; } = string.Empty;

    /// <summary>The saved draft to edit; null for a new program.</summary>
    [Parameter] public VersionedProgram? Stored { get; set; }

    /// <summary>Called with each version the builder stored (a new draft, a replaced one, the activated program).</summary>
    [Parameter] public EventCallback<VersionedProgram> OnStored { get; set; }

    /// <summary>Asks the page to read the draft again (after a 412): it passes the fresh version back as <see cref="Stored"/>.</summary>
    [Parameter] public EventCallback OnReload { get; set; }

    private bool IsSaved => current is not null;

    private ProtocolPhase? ChosenPhase => protocol?.Phases.FirstOrDefault(p => p.Number == phase);

    protected override async Task OnInitializedAsync() =>
        await RunAsync(async () =>
        {
            conditions = await Api.ConditionsAsync();
            matching = ConditionSearch.Find(conditions, conditionQuery);
        });

    protected override async Task OnParametersSetAsync()
    {
        if (Stored is { } stored && stored.ETag != loadedETag)
        {
            await LoadStoredAsync(stored);
        }
    }

    /// <summary>Shows a stored draft as it is now: nothing of what was on screen before is kept.</summary>
    private async Task LoadStoredAsync(VersionedProgram stored)
    {
        var program = stored.Program;
        current = stored;
        loadedETag = stored.ETag;
        conditionId = program.ConditionId;
        phase = program.Phase;
        side = program.Side ?? string.Empty;
        surgeryDate = program.SurgeryDate;
        injuryDate = program.InjuryDate;
        var limits = program.Constraints;
        weightBearing = limits.WeightBearing ?? string.Empty;
        maxMinutes = limits.MaxMinutesPerSession;
        maxExercises = limits.MaxExercises;
        limitEquipment = limits.Equipment is not null;
        Reset(equipment, limits.Equipment ?? []);
        Reset(precautions, limits.Precautions);
        romCaps.Clear();
        romCaps.AddRange(limits.RomLimits.Select(RomCapInput.From));
        exclusions.Clear();
        exclusions.AddRange(limits.ExcludeExerciseIds);
        edit.Load(program.Items, program.ClinicItems);
        warnings = program.Warnings;
        estimatedMinutes = program.EstimatedMinutesPerSession;
        preview = null;
        choices = null;
        swapping = null;
        dosing = null;
        problem = null;
        await RunAsync(async () => protocol = await Api.ConditionAsync(conditionId));
    }

    private static void Reset(HashSet<string> set, IEnumerable<string> values)
    {
        set.Clear();
        set.UnionWith(values);
    }

    private void FilterConditions(ChangeEventArgs change)
    {
        conditionQuery = change.Value as string ?? string.Empty;
        matching = ConditionSearch.Find(conditions ?? [], conditionQuery);
    }

    private async Task ChooseConditionAsync(ChangeEventArgs change)
    {
        conditionId = change.Value as string ?? string.Empty;
        protocol = null;
        phase = null;
        if (conditionId.Length > 0)
        {
            await RunAsync(async () =>
            {
                protocol = await Api.ConditionAsync(conditionId);
                phase = protocol.Phases.Count == 1 ? protocol.Phases[0].Number : null;
            });
        }
    }

    private void ChoosePhase(ChangeEventArgs change) =>
        phase = int.TryParse(change.Value as string, out var number) ? number : null;

    private static void Toggle(HashSet<string> set, string value, ChangeEventArgs change)
    {
        if (change.Value is true)
        {
            set.Add(value);
        }
        else
        {
            set.Remove(value);
        }
    }

    private ProgramLimits Limits() => new()
    {
        WeightBearing = weightBearing.Length == 0 ? null : weightBearing,
        Equipment = limitEquipment ? [.. LimitOptions.Equipment.Where(equipment.Contains)] : null,
        MaxMinutesPerSession = maxMinutes,
        MaxExercises = maxExercises,
        ExcludeExerciseIds = [.. exclusions],
        Precautions = [.. LimitOptions.PrecautionTags.Where(precautions.Contains)],
        RomLimits = [.. romCaps.Select(cap => cap.ToCap())],
    };

    private ProgramRequest Request() =>
        new(PatientId, conditionId, phase ?? 0, side.Length == 0 ? null : side, surgeryDate, injuryDate, Limits());

    private Task PreviewAsync() => RunAsync(async () =>
    {
        var assembled = await Api.PreviewAsync(Request());
        preview = assembled;
        edit.Load(assembled.Items, assembled.ClinicItems, changed: IsSaved);
        warnings = [.. assembled.Warnings, .. (assembled.HeldPrecautions ?? []).Select(held => $"Held: {held}")];
        estimatedMinutes = assembled.EstimatedMinutesPerSession;
        choices = null;
        swapping = null;
        dosing = null;
        status = $"Previewed {assembled.Items.Count} home exercises.";
    });

    private Task OpenSwapsAsync(int index) => RunAsync(async () =>
    {
        var item = edit.Items[index];
        swapping = index;
        dosing = null;
        swaps = null;
        if (current is { } saved && !edit.Changed && saved.Program.Items.Any(stored => stored.ExerciseId == item.ExerciseId))
        {
            swaps = await Api.StoredSwapsAsync(saved.Program.Id, item.ExerciseId);
        }
        else if (item.Slot is { } slot)
        {
            swaps = await Api.PreviewSwapsAsync(Request(), slot);
        }
        else
        {
            swaps = new SwapOptions(0, item.ExerciseId, [], "You added this exercise and it fills no slot of the phase: remove it and add another from the library instead.");
        }
    });

    private List<SwapOption> SwapChoices() => [.. (swaps?.Alternatives ?? []).Where(option => !edit.Holds(option.ExerciseId))];

    private void Swap(int index, SwapOption option)
    {
        var replaced = edit.Items[index].Name;
        edit.Swap(index, option, swaps?.Slot ?? 0);
        CloseSwaps();
        status = $"Swapped {replaced} for {option.Name}.";
    }

    private void CloseSwaps()
    {
        swapping = null;
        swaps = null;
    }

    private void OpenDose(int index)
    {
        CloseSwaps();
        dosing = index;
        doseInput = DoseInput.From(edit.Items[index].Dose);
    }

    private void ApplyDose(int index)
    {
        edit.SetDose(index, doseInput!.ApplyTo(edit.Items[index].Dose));
        status = $"The dose of {edit.Items[index].Name} is now {DoseWords.Of(edit.Items[index].Dose)}.";
        dosing = null;
    }

    private void RemoveItem(int index)
    {
        var name = edit.Items[index].Name;
        CloseSwaps();
        dosing = null;
        edit.Remove(index);
        status = $"Removed {name}.";
    }

    private Task LoadChoicesAsync() => RunAsync(async () => choices = await Api.LibraryChoicesAsync(Request()));

    /// <summary>The library's exercises whose names match the filter: those the therapist may add first, and within each group those for the condition's body regions (library order otherwise).</summary>
    private IEnumerable<LibraryChoice> FilteredChoices() =>
        (choices?.Exercises ?? [])
            .Where(choice => libraryFilter.Length == 0 || choice.Name.Contains(libraryFilter.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(choice => edit.WhyNotAddable(choice).Count > 0)
            .ThenBy(choice => !choice.ForCondition);

    private void Exclude(LibraryChoice choice)
    {
        exclusions.Add(choice.ExerciseId);
        excludedNames[choice.ExerciseId] = choice.Name;
        status = $"{choice.Name} is excluded for this patient from the next preview on.";
    }

    private string ExerciseName(string exerciseId) =>
        excludedNames.GetValueOrDefault(exerciseId)
        ?? choices?.Exercises.FirstOrDefault(choice => choice.ExerciseId == exerciseId)?.Name
        ?? edit.Items.FirstOrDefault(item => item.ExerciseId == exerciseId)?.Name
        ?? exerciseId;

    /// <summary>The id of the field's <see cref="Problems.FieldProblem"/> while it shows reasons, else nothing (no reference to a missing element).</summary>
    private string? DescribedBy(string field) =>
        problem?.ReasonsFor(field) is { Count: > 0 }
            ? $"problem-{field.Replace('.', '-').Replace('[', '-').Replace("]", string.Empty, StringComparison.Ordinal)}"
            : null;

    /// <summary>The reasons the API gave for the list as a whole (its budgets), shown above the items.</summary>
    private string[] ListReasons() =>
        problem?.Errors is { } errors && errors.TryGetValue("items", out var reasons) ? reasons : [];

    private Task SaveDraftAsync() => RunAsync(async () =>
    {
        await StoreAsync(followUp: null);
        status = "Draft saved.";
    });

    /// <summary>Creates the draft, or replaces the saved one as of the version read (If-Match), and tells the page.</summary>
    private async Task<VersionedProgram> StoreAsync(FollowUpContact? followUp)
    {
        VersionedProgram stored;
        if (current is not { } saved)
        {
            // The preview as the engine assembled it is sent as no items: the engine assembles it again and keeps its own
            // rationale for each item, which the API replaces by a generic one for a therapist's edited list.
            IReadOnlyList<ItemChoice>? items = preview is not null && !edit.Changed ? null : [.. edit.HomeChoices(), .. edit.ClinicChoices()];
            stored = await Api.SaveNewDraftAsync(Request(), items, followUp);
        }
        else
        {
            var program = saved.Program;
            var replacement = new DraftReplacement(edit.HomeChoices(), edit.ClinicChoices(), Limits(), program.StartDate, program.Weeks, followUp ?? program.FollowUp);
            stored = await Api.ReplaceDraftAsync(program.Id, saved.ETag, replacement);
        }

        Remember(stored);
        await OnStored.InvokeAsync(stored);
        return stored;
    }

    private void Remember(VersionedProgram stored)
    {
        current = stored;
        loadedETag = stored.ETag;
        edit.Load(stored.Program.Items, stored.Program.ClinicItems);
        warnings = stored.Program.Warnings;
        estimatedMinutes = stored.Program.EstimatedMinutesPerSession;
    }

    private async Task OpenActivationAsync()
    {
        problem = null;
        if (current?.Program.FollowUp is { } saved)
        {
            followUpEmail = saved.Email ?? string.Empty;
            followUpZone = saved.TimeZone;
            followUpTime = saved.ReminderTime.Length >= 5 ? saved.ReminderTime[..5] : saved.ReminderTime;
            followUpEvery = saved.CheckInEveryDays;
        }

        if (followUpZone.Length == 0)
        {
            try
            {
                await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/program-builder.js");
                followUpZone = await module.InvokeAsync<string?>("timeZone") ?? string.Empty;
            }
            catch (JSException)
            {
                // The browser would not say: the therapist types the zone.
            }
        }

        activating = true;
    }

    /// <summary>
    /// Saves the draft with the follow-up contact, then activates that version. A refusal of the follow-up keeps the dialog
    /// open with the reasons beside its fields; any other (a 412 above all) closes it so the page's banner is in view.
    /// </summary>
    private async Task ActivateAsync()
    {
        await RunAsync(ActivateDraftAsync);
        if (problem is { } refused && refused.ReasonsFor("followUp").Count == 0)
        {
            activating = false;
        }
    }

    private async Task ActivateDraftAsync()
    {
        var followUp = new FollowUpContact(
            followUpEmail.Trim().Length == 0 ? null : followUpEmail.Trim(),
            followUpZone.Trim(),
            followUpTime.Trim(),
            followUpEvery,
            current?.Program.FollowUp?.FirstName);
        var saved = await StoreAsync(followUp);
        var activated = await Api.ActivateAsync(saved.Program.Id, saved.ETag);
        activating = false;
        current = activated;
        loadedETag = activated.ETag;
        status = "The program is active.";
        await OnStored.InvokeAsync(activated);
    }

    private Task PrintHandoutAsync() => RunAsync(async () =>
    {
        var id = current!.Program.Id;
        var pdf = await Api.HandoutAsync(id);
        await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/program-builder.js");
        await module.InvokeVoidAsync("openPdf", pdf, $"exercise-handout-{id}.pdf");
        status = "The handout opened in a new tab (or was downloaded).";
    });

    private async Task ReloadAsync()
    {
        problem = null;
        loadedETag = null;
        await OnReload.InvokeAsync();
    }

    /// <summary>Runs a call of the API: its refusal is kept to show next to its fields, a lost connection said in words.</summary>
    private async Task RunAsync(Func<Task> call)
    {
        busy = true;
        problem = null;
        try
        {
            await call();
        }
        catch (ApiProblemException exception)
        {
            problem = exception.Problem;
            status = null;
        }
        catch (AccessTokenNotAvailableException exception)
        {
            exception.Redirect();
        }
        catch (HttpRequestException exception)
        {
            problem = new ApiProblem(null, "The API could not be reached.", 0, $"Try again in a moment ({exception.StatusCode?.ToString() ?? exception.Message}).", null);
            status = null;
        }
        finally
        {
            busy = false;
        }
    }
}
