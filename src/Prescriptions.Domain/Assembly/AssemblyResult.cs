namespace Prescriptions.Domain.Assembly;

/// <summary>Either a program or the problems that stopped the engine.</summary>
public sealed record AssemblyResult
{
    private AssemblyResult(AssembledProgram? program, IReadOnlyList<RequestProblem> problems)
    {
        Program = program;
        Problems = problems;
    }

    public AssembledProgram? Program { get; }
    public IReadOnlyList<RequestProblem> Problems { get; }

    public static AssemblyResult Succeeded(AssembledProgram program) => new(program, []);

    public static AssemblyResult Failed(params RequestProblem[] problems) => new(null, problems);
}
