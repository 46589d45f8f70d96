@sign-in
Feature: Sign in
  From the guide "Strengthening Your Netflix Account Security":
  "At first, you have to go the website of Netflix:"
  "Once you have accessed the website, go to the sign in page by clicking on the button,
  located in the right-upper corner."
  "On the Netflix sign in page, use your email address and password for accessing the account of yours.
  Click on the “Sign in” button."

  Background:
    Given I have an account with the profiles "Alex, Sam"

  @guide:sign-in.1 @guide:sign-in.2 @guide-path
  Scenario: The sign in button is in the right-upper corner of the website
    When I go to the website
    Then I see the "Sign In" button in the right-upper corner
    When I click on the button located in the right-upper corner
    Then the sign in page opens

  @guide:sign-in.3 @guide:sign-in.4 @guide:profile.1 @guide-path
  Scenario: My email address and password open the account and the site asks for a profile
    Given I am on the sign in page
    When I use my email address and password
    And I click on the "Sign in" button
    Then I am asked to choose one of the profiles
    And I am signed in on this device only

  @guide:sign-in.3 @guide:sign-in.4
  Scenario Outline: Signing in is refused when <situation>
    Given I am on the sign in page
    When I sign in with the email "<email>" and the password "<password>"
    Then I see the message "<message>" <where>
    And I am not signed in

    Examples:
      | situation                  | email             | password          | message                                                 | where                 |
      | the password is wrong      | {my email}        | wrong-password-1  | Incorrect email or password. Please try again.          | above the form        |
      | the email is unknown       | {unknown email}   | {my password}     | Incorrect email or password. Please try again.          | above the form        |
      | the email is empty         |                   | {my password}     | Please enter your email address.                        | at the email field    |
      | the email is malformed     | not-an-email      | {my password}     | Please enter a valid email address.                     | at the email field    |
      | the password is empty      | {my email}        |                   | Please enter your password.                             | at the password field |
      | the password is too short  | {my email}        | abc               | Your password must contain between 4 and 60 characters. | at the password field |
      | the password is too long   | {my email}        | {61 characters}   | Your password must contain between 4 and 60 characters. | at the password field |
