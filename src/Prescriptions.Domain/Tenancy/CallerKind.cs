namespace Prescriptions.Domain.Tenancy;

public enum CallerKind
{
    /// <summary>A person signed in through the portal (delegated token).</summary>
    User,

    /// <summary>A partner application (client-credentials token).</summary>
    App,

    /// <summary>A patient through a signed check-in link (no account).</summary>
    Patient,
}
