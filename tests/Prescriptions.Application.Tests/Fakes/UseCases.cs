using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescriptions.Application.FollowUps;
using Prescriptions.Application.Prescriptions;

namespace Prescriptions.Application.Tests.Fakes;

/// <summary>The use cases wired to in-memory ports and a fake clock, as the hosts wire them to storage.</summary>
internal sealed class UseCases
{
    public UseCases()
    {
        var libraries = new ShippedLibraryProvider();
        var options = Options.Create(new FollowUpOptions { SigningKey = new string('k', 32), PublicBaseUrl = "https://rx.example" });
        var scheduler = new FollowUpScheduler(FollowUps, libraries, options, Clock, NullLogger<FollowUpScheduler>.Instance);
        var updates = new PrescriptionUpdates(Repository, scheduler);
        var readiness = new PrescriptionReadiness(Repository, FollowUps, libraries, Clock);
        Links = new CheckInLinks(options);
        Prescriptions = new PrescriptionService(Repository, libraries, updates, readiness, Clock);
        CheckIns = new CheckInService(Links, FollowUps, FollowUps, readiness, updates, Repository, options, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
    public InMemoryPrescriptions Repository { get; } = new();
    public InMemoryFollowUps FollowUps { get; } = new();
    public CheckInLinks Links { get; }
    public PrescriptionService Prescriptions { get; }
    public CheckInService CheckIns { get; }
}
