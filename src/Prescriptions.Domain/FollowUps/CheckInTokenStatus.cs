namespace Prescriptions.Domain.FollowUps;

public enum CheckInTokenStatus
{
    Valid,

    /// <summary>Not signed with our key, or not a token at all: answered like an unknown link.</summary>
    Invalid,

    /// <summary>Genuine but past its expiry.</summary>
    Expired,
}
