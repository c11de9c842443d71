using Prescriptions.Application.FollowUps;

namespace Prescriptions.Application.Tests.Fakes;

/// <summary>An email port that keeps what it was given, or refuses everything.</summary>
internal sealed class RecordingEmail : IEmailSender
{
    public List<EmailMessage> Sent { get; } = [];
    public int Attempts { get; private set; }
    public bool Refuse { get; set; }

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Attempts++;
        if (Refuse)
        {
            throw new InvalidOperationException("The relay refused the message.");
        }

        Sent.Add(message);
        return Task.CompletedTask;
    }
}
