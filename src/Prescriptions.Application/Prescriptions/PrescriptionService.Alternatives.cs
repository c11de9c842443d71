using Prescriptions.Application.Outcomes;
using Prescriptions.Domain.Assembly;
using Prescriptions.Domain.Library;

namespace Prescriptions.Application.Prescriptions;

/// <summary>Safe swaps: the alternatives for one item of a preview or of a stored prescription (nothing is stored).</summary>
public sealed partial class PrescriptionService
{
    /// <summary>
    /// The alternatives for an item of the program the request assembles (the same program a preview answers), named by
    /// its exercise id or by its slot; an exercise id the preview does not hold is a field error of the request.
    /// </summary>
    public static Outcome<ItemAlternativesResult> PreviewAlternatives(ExerciseLibrary library, AssemblyRequest request, string? exerciseId, int? slot)
    {
        var program = ProgramChecks.Assemble(library, request);
        if (program.Value is not { } assembled)
        {
            return program.Cast<ItemAlternativesResult>();
        }

        var result = ItemAlternatives.For(library, request, [.. assembled.Items, .. assembled.ClinicItems], exerciseId, slot);
        return result.Outcome == AlternativesOutcome.ItemNotFound
            ? Failure.Validation("exerciseId", $"The program assembled for this request has no item '{exerciseId}'.")
            : Answer(result);
    }

    /// <summary>The alternatives for an item of a stored prescription, judged on its request as of now with its measurements.</summary>
    public async Task<Outcome<ItemAlternativesResult>> AlternativesAsync(IReadOnlyList<string> clinicIds, string prescriptionId, string exerciseId, CancellationToken cancellationToken)
    {
        var context = await InPhaseAsync(await FindAsync(clinicIds, prescriptionId, cancellationToken), cancellationToken);
        if (context.Value is not var (stored, library, _))
        {
            return context.Cast<ItemAlternativesResult>();
        }

        var current = stored.Value;
        var request = await RequestAsOfNowAsync(current, cancellationToken);
        return Answer(ItemAlternatives.For(library, request, [.. current.Items, .. current.ClinicItems], exerciseId, null));
    }

    private static Outcome<ItemAlternativesResult> Answer(ItemAlternativesResult result) => result.Outcome switch
    {
        AlternativesOutcome.Invalid => Failure.Validation(FieldErrors.From(result.Problems.Select(p => (p.Field, p.Message)))),
        AlternativesOutcome.ItemNotFound => Failure.NotFound(result.Message ?? "No such item."),
        AlternativesOutcome.NoSlot => Failure.Conflict(result.Message ?? "The item fills no slot."),
        _ => result,
    };
}
