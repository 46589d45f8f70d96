@security @slow
Feature: Signing in keeps its security promises
  The guide is about account security, so the site it describes must not help someone guess their way in.
  "On the Netflix sign in page, use your email address and password for accessing the account of yours."
  The site says the same words for a wrong password and an unknown email, and after 5 failed sign-ins for one email
  within 15 minutes it makes that email wait 15 minutes (docs/decisions/0003-sign-in-throttling.md).

  Background:
    Given I have an account with the profiles "Alex, Sam"

  @asvs:6.3.8 @guide:sign-in.3 @guide:sign-in.4
  Scenario: A wrong password and an unknown email are answered in the same words
    Given I am on the sign in page
    When I sign in with the email "{my email}" and the password "wrong-password-1"
    And I note the message above the form
    And I sign in with the email "{unknown email}" and the password "wrong-password-1"
    Then the message above the form is the one I noted

  @gap @asvs:2.2.1 @guide:sign-in.3 @guide:sign-in.4
  Scenario Outline: After 5 failed sign-ins with <whose> email, even the right password has to wait
    Gap: after 5 failed sign-ins the email is locked for 15 minutes, even for the right password.

    Given I am on the sign in page
    When I sign in 5 times with the email "<email>" and the password "wrong-password-1"
    Then every answer was "Incorrect email or password. Please try again."
    When I sign in with the email "<email>" and the password "{my password}"
    Then the sign in form makes me wait, saying "Too many unsuccessful sign-in attempts. For your security, please wait 15 minutes and try again."
    And I am not signed in

    Examples:
      | whose      | email           |
      | my         | {my email}      |
      | an unknown | {unknown email} |

  @asvs:2.2.1 @guide:sign-in.3 @guide:sign-in.4
  Scenario: Signing in with the right password forgets the failures before it
    Given I am on the sign in page
    When I sign in 4 times with the email "{my email}" and the password "wrong-password-1"
    And I use my email address and password
    And I click on the "Sign in" button
    Then I am asked to choose one of the profiles
    Given I am on the sign in page of device B
    When I sign in 5 times with the email "{my email}" and the password "wrong-password-1"
    Then every answer was "Incorrect email or password. Please try again."

  # A lock that is checked before each failure is counted lets a burst of parallel guesses through.
  @asvs:2.2.1 @guide:sign-in.3 @guide:sign-in.4
  Scenario: Guesses sent all at once get no more tries than guesses sent one after another
    Given I am on the sign in page
    When 30 sign-ins with my email are sent at once from the sign in form, one in the middle with my password
    Then none of them signed me in
    When I sign in with the email "{my email}" and the password "{my password}"
    Then the sign in form makes me wait, saying "Too many unsuccessful sign-in attempts. For your security, please wait 15 minutes and try again."
    And I am not signed in
