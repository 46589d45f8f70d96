# Drafted by npm run guide:init from guides/sign-out-of-all-devices/sign-out-of-all-devices.md.
# Finish it by hand: guide:init never writes over it.
Feature: Sign in
  From the guide "How to Sign Out of Netflix on Every Device at Once":
  "Open the Netflix website and click the “Sign In” button in the top-right corner."
  "Type your email address and password, then click “Sign in”."
  "Pick any profile on the “Who's watching?” screen."

  @guide:sign-out-sign-in.1
  Scenario: Open the Netflix website and click the "Sign In" button in the top-right corner
    When I open the Netflix website
    And I click the "Sign In" button in the top-right corner

  @guide:sign-out-sign-in.2
  Scenario: Type your email address and password, then click "Sign in"
    When I type my email address and password
    And I click "Sign in"

  @guide:sign-out-sign-in.3
  Scenario: Pick any profile on the "Who's watching?" screen
    When I pick any profile on the "Who's watching?" screen
