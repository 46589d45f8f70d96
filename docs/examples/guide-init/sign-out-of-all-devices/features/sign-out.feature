# Drafted by npm run guide:init from guides/sign-out-of-all-devices/sign-out-of-all-devices.md.
# Finish it by hand: guide:init never writes over it.
Feature: Sign out
  From the guide "How to Sign Out of Netflix on Every Device at Once":
  "On the next page, Netflix explains what will happen."
  "Click the “Sign Out” button to confirm."
  "You stay signed in on the browser you are using, and you are taken back to your account page with a message that the other devices will be signed out."

  @guide:sign-out.1 @guide:sign-out.2
  Scenario: On the next page, Netflix explains what will happen
    Then on the next page, Netflix explains what will happen
    When I click the "Sign Out" button to confirm

  @guide:sign-out.3
  Scenario: You stay signed in on the browser you are using, and you are taken back to your account…
    Then I stay signed in on the browser I am using
    And I am taken back to my account page with a message that the other devices will be signed out
