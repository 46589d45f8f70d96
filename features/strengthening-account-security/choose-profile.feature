@choose-profile
Feature: Choose a profile and open "Your Account"
  From the guide:
  "Immediately after doing so, Netflix will ask you to choose one of the profiles for viewing the content.
  Do so by clicking on one of the profiles."
  "Go to the settings of your account by clicking on the profile name, placed, once again, in the right-upper
  corner. You will get to see a pop-up menu, and you should click on “Your Account” there."
  "After doing so, you will access the settings of your account. All the actions you will perform now will be
  carried in the “MEMBERSHIP & BILLING” section. On the right, you will see various text buttons."

  Background:
    Given I have an account with the profiles "Alex, Sam, Robin, Jo, Kids (Kids)"
    And I have signed in

  @guide:profile.1
  Scenario: The site offers every profile of the account, up to five
    Then I am asked to choose one of the profiles
    And I see the profiles "Alex, Sam, Robin, Jo, Kids"

  @guide:profile.2 @guide:account.1
  Scenario Outline: The chosen profile "<profile>" is shown in the right-upper corner
    When I click on the profile "<profile>"
    Then the profile name "<profile>" is placed in the right-upper corner

    Examples:
      | profile |
      | Alex    |
      | Jo      |
      | Kids    |

  @guide:account.1 @guide:account.2 @guide:account.3 @guide-path
  Scenario: Clicking the profile name opens a pop-up menu with "Your Account"
    Given I have clicked on the profile "Alex"
    When I click on the profile name in the right-upper corner
    Then I see a pop-up menu offering "Your Account"
    When I click on "Your Account" in the pop-up menu
    Then I access the settings of my account

  @guide:account.4 @guide:account.5
  Scenario: The "MEMBERSHIP & BILLING" section shows the account and its text buttons on the right
    Given I have clicked on the profile "Alex"
    And I have opened "Your Account" from the pop-up menu
    Then I see the "MEMBERSHIP & BILLING" section with my email address and a masked password
    And on the right of "MEMBERSHIP & BILLING" I see the text buttons "Change Password" and "Add phone number"
