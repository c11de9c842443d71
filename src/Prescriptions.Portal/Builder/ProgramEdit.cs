using Prescriptions.Portal.Api;

namespace Prescriptions.Portal.Builder;

/// <summary>
/// The home exercises a therapist is editing, in the order the patient will do them: swap in place, move, remove, add
/// from the library, change a dose or a note. The clinic techniques are kept apart, as the API keeps them.
/// </summary>
public sealed class ProgramEdit
{
    private readonly List<ProgramItem> items = [];
    private readonly List<ProgramItem> clinicItems = [];

    public IReadOnlyList<ProgramItem> Items => items;

    public IReadOnlyList<ProgramItem> ClinicItems => clinicItems;

    /// <summary>Changed since it was previewed, loaded or saved.</summary>
    public bool Changed { get; private set; }

    /// <summary>Shows these items; <paramref name="changed"/> when they differ from the saved program (a new preview of a saved draft).</summary>
    public void Load(IEnumerable<ProgramItem> home, IEnumerable<ProgramItem> clinic, bool changed = false)
    {
        items.Clear();
        items.AddRange(home);
        clinicItems.Clear();
        clinicItems.AddRange(clinic);
        Changed = changed;
    }

    public void MarkSaved() => Changed = false;

    public bool Holds(string exerciseId) =>
        items.Exists(item => item.ExerciseId == exerciseId) || clinicItems.Exists(item => item.ExerciseId == exerciseId);

    /// <summary>Puts the alternative where the item was, in the same slot, with the alternative's dose and rationale.</summary>
    public void Swap(int index, SwapOption option, int slot)
    {
        items[index] = new ProgramItem(option.ExerciseId, option.Name, option.Category, option.Dose, option.Rationale, option.Delivery, Notes: null, slot, "therapist");
        Changed = true;
    }

    public void MoveUp(int index)
    {
        if (index > 0)
        {
            (items[index - 1], items[index]) = (items[index], items[index - 1]);
            Changed = true;
        }
    }

    public void MoveDown(int index)
    {
        if (index < items.Count - 1)
        {
            (items[index + 1], items[index]) = (items[index], items[index + 1]);
            Changed = true;
        }
    }

    public void Remove(int index)
    {
        items.RemoveAt(index);
        Changed = true;
    }

    /// <summary>Adds an allowed exercise of the library at the end, with the dose the phase gives it.</summary>
    public void Add(LibraryChoice choice)
    {
        if (WhyNotAddable(choice) is { Count: > 0 } reasons)
        {
            throw new InvalidOperationException($"{choice.Name} may not be added: {string.Join(" ", reasons)}");
        }

        items.Add(new ProgramItem(choice.ExerciseId, choice.Name, choice.Category, choice.Dose,
            "Added by you from the library; it keeps the limits above, and the API checks it again when you save.", choice.Delivery, Notes: null, Slot: null, "therapist"));
        Changed = true;
    }

    /// <summary>Why the exercise may not be added to this program: the API's reasons under the limits, or what the builder knows.</summary>
    public IReadOnlyList<string> WhyNotAddable(LibraryChoice choice)
    {
        if (Holds(choice.ExerciseId))
        {
            return ["It is already in the program."];
        }

        if (choice.Delivery != "home")
        {
            return ["It is given in clinic by a therapist, not done at home."];
        }

        return choice.Allowed ? [] : choice.Reasons;
    }

    public void SetDose(int index, Dose dose)
    {
        items[index] = items[index] with { Dose = dose };
        Changed = true;
    }

    public void SetNote(int index, string? note)
    {
        items[index] = items[index] with { Notes = string.IsNullOrWhiteSpace(note) ? null : note.Trim() };
        Changed = true;
    }

    /// <summary>The home items as the API takes them back.</summary>
    public IReadOnlyList<ItemChoice> HomeChoices() => [.. items.Select(item => new ItemChoice(item.ExerciseId, item.Dose, item.Notes))];

    public IReadOnlyList<ItemChoice> ClinicChoices() => [.. clinicItems.Select(item => new ItemChoice(item.ExerciseId, item.Dose, item.Notes))];
}
